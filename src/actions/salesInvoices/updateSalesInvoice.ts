import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { salesInvoiceId, salesInvoiceInputs } from "../../inputs/invoices";
import { INVOICE_RESOURCES, invoiceBody } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/salesInvoices";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const updateSalesInvoice = action({
  display: {
    label: "Update Sales Invoice",
    description: "Update the information and metadata of a sales invoice by Id",
  },
  inputs: { connection, salesInvoiceId, ...salesInvoiceInputs.update },
  perform: async (context, { connection, salesInvoiceId, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.put(
      `${INVOICE_RESOURCES.sales.path}/${segment(salesInvoiceId)}`,
      invoiceBody("sales", fields),
    );
    return { data };
  },
  examplePayload: examples.updateSalesInvoice,
  outputSchema: outputSchemaFor("SalesInvoice", "record"),
  performSafety: performSafetyFor("update"),
});
