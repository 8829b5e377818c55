import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { salesInvoiceId, voidReason } from "../../inputs/invoices";
import { compact } from "../../util/body";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { salesInvoicePayload } from "./examplePayloads";

export const deleteSalesInvoice = action({
  display: {
    label: "Delete Sales Invoice",
    description:
      "Delete the information and metadata of a sales invoice by Id. Sage deletes a draft invoice and voids any other; voiding requires a Void Reason.",
  },
  inputs: { connection, salesInvoiceId, voidReason },
  perform: async (context, { connection, salesInvoiceId, voidReason }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const { data } = await client.delete(`${INVOICE_RESOURCES.sales.path}/${segment(salesInvoiceId)}`, {
      params: compact({ void_reason: voidReason }),
    });
    // A draft is deleted (204, no body); any other invoice is voided and Sage returns it.
    const voided = Boolean(data && typeof data === "object");
    return { data: { id: salesInvoiceId, deleted: !voided, voided, ...(voided ? { salesInvoice: data } : {}) } };
  },
  examplePayload: {
    data: {
      id: salesInvoicePayload.id,
      deleted: false,
      voided: true,
      salesInvoice: {
        ...salesInvoicePayload,
        status: { id: "VOID", displayed_as: "Void", $path: "/artefact_statuses/VOID" },
        void_reason: "Raised in error",
      },
    },
  },
});
