import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { salesInvoiceInputs } from "../../inputs/invoices";
import { INVOICE_RESOURCES, invoiceBody } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/salesInvoices";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createSalesInvoice = action({
  display: {
    label: "Create Sales Invoice",
    description: "Create a new sales invoice",
  },
  inputs: { connection, ...salesInvoiceInputs.create, idempotencyKey },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post(
      INVOICE_RESOURCES.sales.path,
      invoiceBody("sales", fields),
      withIdempotencyKey(idempotencyKey),
    );
    return { data };
  },
  examplePayload: examples.createSalesInvoice,
  outputSchema: outputSchemaFor("SalesInvoice", "record"),
  performSafety: performSafetyFor("create"),
});
