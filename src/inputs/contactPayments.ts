import { input } from "@prismatic-io/spectral";
import { optionalDate, optionalId, optionalNumber, optionalString, requiredId } from "../util/validation";
import { contactId } from "./common";

/** The invoice a payment settles; the purchase variant only swaps the picker and the wording. */
export const salesInvoiceId = input({
  label: "Invoice Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of the sales invoice the payment is for.",
  example: "5b6a0e21a6f04f1d9c1e0f3a2b4c6d8e",
  placeholder: "Select a sales invoice",
  dataSource: "selectSalesInvoice",
  clean: requiredId("Invoice Id"),
});

export const purchaseInvoiceId = input({
  ...salesInvoiceId,
  comments: "Provide the unique identifier of the purchase invoice the payment is for.",
  placeholder: "Select a purchase invoice",
  dataSource: "selectPurchaseInvoice",
});

export const bankAccountId = input({
  label: "Bank Account Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of the bank account the money was paid into or out of.",
  example: "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b",
  placeholder: "Select a bank account",
  dataSource: "selectBankAccount",
  clean: requiredId("Bank Account Id"),
});

export const amount = input({
  label: "Amount",
  type: "string",
  required: false,
  comments:
    "Provide the amount paid, in the invoice's currency. Leave blank to pay the invoice's outstanding amount in full; it may not exceed the outstanding amount.",
  example: "120.50",
  placeholder: "Outstanding amount",
  clean: optionalNumber("Amount", { positive: true }),
});

export const date = input({
  label: "Date",
  type: "string",
  required: false,
  comments: "Provide a valid date value (YYYY-MM-DD) for the date the payment was made. Leave blank for today.",
  example: "2026-01-31",
  placeholder: "Today",
  clean: optionalDate("Date"),
});

export const paymentMethodId = input({
  label: "Payment Method Id",
  type: "string",
  required: false,
  comments: "Provide the unique identifier of the payment method (e.g. BANK_TRANSFER, CREDIT_DEBIT, CASH, CHECK).",
  example: "BANK_TRANSFER",
  placeholder: "Select a payment method",
  dataSource: "selectPaymentMethod",
  clean: optionalId("Payment Method Id"),
});

export const reference = input({
  label: "Reference",
  type: "string",
  required: false,
  comments:
    "Provide a string value for the reference of the payment, such as the Stripe charge or bank transaction id.",
  example: "ch_3PqR2sT4uV5w",
  clean: optionalString("Reference"),
});

/** Blank on a payment means the invoice's own contact; on a list it means any contact. */
export const paymentContactId = input({
  ...contactId,
  required: false,
  comments: "Provide the unique identifier of a contact. Leave blank to use the invoice's contact.",
  placeholder: "The invoice's contact",
  clean: optionalId("Contact Id"),
});

export const contactIdFilter = input({
  ...paymentContactId,
  comments: "Provide the unique identifier of a contact to list only its payments.",
  placeholder: "Any contact",
});

export const bankAccountIdFilter = input({
  ...bankAccountId,
  required: false,
  comments: "Provide the unique identifier of a bank account to list only its payments.",
  placeholder: "Any bank account",
  clean: optionalId("Bank Account Id"),
});

export const transactionTypeIdFilter = input({
  label: "Transaction Type Id",
  type: "string",
  required: false,
  default: "",
  comments: "Select a transaction type to list only payments of that kind.",
  model: [
    { label: "Any", value: "" },
    { label: "Customer Receipt", value: "CUSTOMER_RECEIPT" },
    { label: "Customer Refund", value: "CUSTOMER_REFUND" },
    { label: "Vendor Payment", value: "VENDOR_PAYMENT" },
    { label: "Vendor Refund", value: "VENDOR_REFUND" },
  ],
  clean: optionalId("Transaction Type Id"),
});

export const contactPaymentId = input({
  label: "Contact Payment Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a contact payment.",
  example: "7c6b5a4d3e2f41009a8b7c6d5e4f3a2b",
  clean: requiredId("Contact Payment Id"),
});
