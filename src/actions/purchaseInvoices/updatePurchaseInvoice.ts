import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { purchaseInvoiceId, purchaseInvoiceInputs } from "../../inputs/invoices";
import { INVOICE_RESOURCES, invoiceBody } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/purchaseInvoices";
import { outputSchemaFor, performSafetyFor } from "../../util/outputSchema";

export const updatePurchaseInvoice = action({
  display: {
    label: "Update Purchase Invoice",
    description: "Update the information and metadata of a purchase invoice by Id",
  },
  inputs: { connection, purchaseInvoiceId, ...purchaseInvoiceInputs.update },
  perform: async (context, { connection, purchaseInvoiceId, ...fields }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.put(
      `${INVOICE_RESOURCES.purchase.path}/${segment(purchaseInvoiceId)}`,
      invoiceBody("purchase", fields),
    );
    return { data };
  },
  examplePayload: examples.updatePurchaseInvoice,
  outputSchema: outputSchemaFor("PurchaseInvoice", "record"),
  performSafety: performSafetyFor("update"),
});
