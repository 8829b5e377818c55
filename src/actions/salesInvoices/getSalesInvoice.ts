import { salesInvoiceId, showPaymentsAllocations } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { getAction } from "../recordAction";
import * as examples from "../../examplePayloads/salesInvoices";

export const getSalesInvoice = getAction({
  label: "Get Sales Invoice",
  description: "Get the information and metadata of a sales invoice by Id",
  path: INVOICE_RESOURCES.sales.path,
  definition: "SalesInvoice",
  idKey: "salesInvoiceId",
  idInput: salesInvoiceId,
  options: { showPaymentsAllocations },
  examplePayload: examples.getSalesInvoice,
});
