import { purchaseInvoiceId } from "../../inputs/contactPayments";
import { recordInvoicePayment } from "./recordInvoicePayment";

export const recordPurchaseInvoicePayment = recordInvoicePayment({
  label: "Record Purchase Invoice Payment",
  description: "Record a payment to a vendor against a purchase invoice",
  path: "/purchase_invoices",
  transactionTypeId: "VENDOR_PAYMENT",
  invoiceId: purchaseInvoiceId,
  noun: "purchase invoice",
});
