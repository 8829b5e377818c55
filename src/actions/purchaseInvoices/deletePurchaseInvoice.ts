import { purchaseInvoiceId } from "../../inputs/invoices";
import { INVOICE_RESOURCES } from "../../util/invoiceBody";
import { deleteAction } from "../recordAction";
import * as examples from "../../examplePayloads/purchaseInvoices";

export const deletePurchaseInvoice = deleteAction({
  label: "Delete Purchase Invoice",
  description: "Delete the information and metadata of a purchase invoice by Id",
  path: INVOICE_RESOURCES.purchase.path,
  idKey: "purchaseInvoiceId",
  idInput: purchaseInvoiceId,
  examplePayload: examples.deletePurchaseInvoice,
});
