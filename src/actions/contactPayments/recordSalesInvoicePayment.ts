import { salesInvoiceId } from "../../inputs/contactPayments";
import { recordInvoicePayment } from "./recordInvoicePayment";

export const recordSalesInvoicePayment = recordInvoicePayment({
  label: "Record Sales Invoice Payment",
  description: "Record a customer payment against a sales invoice",
  path: "/sales_invoices",
  transactionTypeId: "CUSTOMER_RECEIPT",
  invoiceId: salesInvoiceId,
  noun: "sales invoice",
});
