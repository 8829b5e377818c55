import { deleteContactPayment } from "./deleteContactPayment";
import { getContactPayment } from "./getContactPayment";
import { listContactPayments } from "./listContactPayments";
import { recordPurchaseInvoicePayment } from "./recordPurchaseInvoicePayment";
import { recordSalesInvoicePayment } from "./recordSalesInvoicePayment";

// Actions of this resource, keyed by their public action key.
export default {
  recordSalesInvoicePayment,
  recordPurchaseInvoicePayment,
  listContactPayments,
  getContactPayment,
  deleteContactPayment,
};
