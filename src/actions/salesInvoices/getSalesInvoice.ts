import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { salesInvoiceId } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/salesInvoices";

export const getSalesInvoice = action({
  display: {
    label: "Get Sales Invoice",
    description: "Get the information and metadata of a sales invoice by Id",
  },
  inputs: { connection, salesInvoiceId },
  perform: async (context, { connection, salesInvoiceId }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.get(`${INVOICE_RESOURCES.sales.path}/${segment(salesInvoiceId)}`, {
      params: { attributes: "all" },
    });
    return { data };
  },
  examplePayload: examples.getSalesInvoice,
});
