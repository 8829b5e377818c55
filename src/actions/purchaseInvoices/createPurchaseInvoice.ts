import { action } from "@prismatic-io/spectral";
import { createSageClient } from "../../client";
import { connection, idempotencyKey } from "../../inputs/common";
import { withIdempotencyKey } from "../../util/idempotency";
import { dueDate, purchaseInvoiceInputs } from "../../inputs/invoices";
import { INVOICE_RESOURCES, invoiceBody } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/purchaseInvoices";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const createPurchaseInvoice = action({
  display: {
    label: "Create Purchase Invoice",
    description: "Create a new purchase invoice",
  },
  inputs: { connection, ...purchaseInvoiceInputs.create, dueDate, idempotencyKey },
  perform: async (context, { connection, idempotencyKey, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.post(
      INVOICE_RESOURCES.purchase.path,
      invoiceBody("purchase", fields),
      withIdempotencyKey(idempotencyKey),
    );
    return { data };
  },
  examplePayload: examples.createPurchaseInvoice,
  outputSchema: outputSchemaFor("PurchaseInvoice", "record"),
  performSafety: performSafetyFor("create"),
});
