import { action } from "@prismatic-io/spectral";
import { createSageClient, segment } from "../../client";
import { connection } from "../../inputs/common";
import { salesInvoiceId, voidReason } from "../../inputs/invoices";
import { compact } from "../../util/body";
import { SageApiError } from "../../util/errors";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import * as examples from "../../examplePayloads/salesInvoices";
import { actionOutput, BOOLEAN, objectSchema, performSafetyFor, recordSchema, STRING } from "../../util/outputSchema";

export const deleteSalesInvoice = action({
  display: {
    label: "Delete Sales Invoice",
    description:
      "Delete the information and metadata of a sales invoice by Id. Sage deletes a draft invoice and voids any other; voiding requires a Void Reason.",
  },
  inputs: { connection, salesInvoiceId, voidReason },
  perform: async (context, { connection, salesInvoiceId, voidReason }) => {
    const client = createSageClient(connection, context.debug.enabled);
    const path = `${INVOICE_RESOURCES.sales.path}/${segment(salesInvoiceId)}`;
    let data: unknown;
    try {
      ({ data } = await client.delete(path, { params: compact({ void_reason: voidReason }) }));
    } catch (error) {
      // The void went through but its answer was lost, so the retry found the invoice already
      // void: that is the outcome asked for. Anything else is a real failure.
      if (!(error instanceof SageApiError && error.status === 422 && error.earlierTryMayHaveBeenProcessed)) throw error;
      const { data: invoice } = await client.get<{ status?: { id?: string } }>(path, { params: { attributes: "all" } });
      if (invoice.status?.id !== "VOID") throw error;
      data = invoice;
    }
    // A draft is deleted (204, no body); any other invoice is voided and Sage returns it.
    const voided = Boolean(data && typeof data === "object");
    return { data: { id: salesInvoiceId, deleted: !voided, voided, ...(voided ? { salesInvoice: data } : {}) } };
  },
  examplePayload: examples.deleteSalesInvoice,
  outputSchema: actionOutput(
    objectSchema({ id: STRING, deleted: BOOLEAN, voided: BOOLEAN }, { salesInvoice: recordSchema("SalesInvoice") }),
  ),
  performSafety: performSafetyFor("void"),
});
