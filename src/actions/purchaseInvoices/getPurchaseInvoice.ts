import { purchaseInvoiceId, showPaymentsAllocations } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { getAction } from "../recordAction";
import * as examples from "../../examplePayloads/purchaseInvoices";

export const getPurchaseInvoice = getAction({
  label: "Get Purchase Invoice",
  description: "Get the information and metadata of a purchase invoice by Id",
  path: INVOICE_RESOURCES.purchase.path,
  definition: "PurchaseInvoice",
  idKey: "purchaseInvoiceId",
  idInput: purchaseInvoiceId,
  options: { showPaymentsAllocations },
  examplePayload: examples.getPurchaseInvoice,
});
