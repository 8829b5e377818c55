import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { purchaseInvoiceId } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/purchaseInvoices";

export const deletePurchaseInvoice = action({
  display: {
    label: "Delete Purchase Invoice",
    description: "Delete the information and metadata of a purchase invoice by Id",
  },
  inputs: { connection, purchaseInvoiceId },
  perform: async (context, { connection, purchaseInvoiceId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    // Sage answers 204 with no body, so say what happened.
    await client.delete(`${INVOICE_RESOURCES.purchase.path}/${segment(purchaseInvoiceId)}`);
    return { data: { id: purchaseInvoiceId, deleted: true } };
  },
  examplePayload: examples.deletePurchaseInvoice,
});
