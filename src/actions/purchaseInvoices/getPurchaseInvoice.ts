import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { purchaseInvoiceId } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/purchaseInvoices";

export const getPurchaseInvoice = action({
  display: {
    label: "Get Purchase Invoice",
    description: "Get the information and metadata of a purchase invoice by Id",
  },
  inputs: { connection, purchaseInvoiceId },
  perform: async (context, { connection, purchaseInvoiceId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`${INVOICE_RESOURCES.purchase.path}/${segment(purchaseInvoiceId)}`, {
      params: { attributes: "all" },
    });
    return { data };
  },
  examplePayload: examples.getPurchaseInvoice,
});
