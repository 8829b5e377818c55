import { input } from "@prismatic-io/spectral";
import type { LineKind } from "../util/invoiceLines";
import { optionalDate, optionalId, optionalNumber, optionalString, requiredDate, requiredId } from "../util/validation";
import { contactId, currencyId } from "./common";
import { documentDate, documentLines } from "./documents";

const EXAMPLE_ID = "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11";

export const salesInvoiceId = input({
  label: "Sales Invoice Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a sales invoice id.",
  example: EXAMPLE_ID,
  placeholder: "Select a sales invoice",
  dataSource: "selectSalesInvoice",
  clean: requiredId("Sales Invoice Id"),
});

export const purchaseInvoiceId = input({
  label: "Purchase Invoice Id",
  type: "string",
  required: true,
  comments: "Provide the unique identifier of a purchase invoice id.",
  example: EXAMPLE_ID,
  placeholder: "Select a purchase invoice",
  dataSource: "selectPurchaseInvoice",
  clean: requiredId("Purchase Invoice Id"),
});

/** The invoice date: the same input as every other document's. */
export const date = documentDate;

export const dueDate = input({
  label: "Due Date",
  type: "string",
  required: true,
  comments: "Provide a valid date value for the due date of the invoice.",
  example: "2026-02-28",
  placeholder: "YYYY-MM-DD",
  clean: requiredDate("Due Date"),
});

export const totalAmount = input({
  label: "Total Amount",
  type: "string",
  required: false,
  comments: "Provide a total amount for the invoice.",
  example: "120.00",
  clean: optionalNumber("Total Amount"),
});

export const contactName = input({
  label: "Contact Name",
  type: "string",
  required: false,
  comments: "Provide the name of a contact.",
  example: "Acme Ltd",
  clean: optionalString("Contact Name"),
});

export const notes = input({
  label: "Notes",
  type: "string",
  required: false,
  comments: "Provide a string value for notes.",
  example: "Thank you for your business.",
  clean: optionalString("Notes"),
});

export const totalQuantity = input({
  label: "Total Quantity",
  type: "string",
  required: false,
  comments: "Provide a total quantity of the invoice.",
  example: "3",
  clean: optionalNumber("Total Quantity"),
});

export const netAmount = input({
  label: "Net Amount",
  type: "string",
  required: false,
  comments: "Provide the net amount of the invoice.",
  example: "100.00",
  clean: optionalNumber("Net Amount"),
});

export const taxAmount = input({
  label: "Tax Amount",
  type: "string",
  required: false,
  comments: "Provide a tax amount for the invoice.",
  example: "20.00",
  clean: optionalNumber("Tax Amount"),
});

/** The inputs of the create and update actions of one invoice kind, so both kinds declare them once. */
const invoiceInputsOf = (kind: LineKind) => ({
  create: {
    contactId,
    date,
    invoiceLines: documentLines("Invoice Lines", kind, { required: true }, "invoice line"),
    totalAmount,
  },
  update: {
    contactId: input({ ...contactId, required: false, clean: optionalId("Contact Id") }),
    date: input({ ...date, required: false, clean: optionalDate("Date") }),
    dueDate: input({ ...dueDate, required: false, clean: optionalDate("Due Date") }),
    contactName,
    notes,
    totalQuantity,
    netAmount,
    taxAmount,
    currencyId,
    totalAmount,
    invoiceLines: documentLines("Invoice Lines", kind, { required: false }, "invoice line"),
  },
});

/** Body mapper of the invoice inputs: input key → Sage field (create and update alike). */
export const INVOICE_BODY = {
  contactId: "contact_id",
  date: "date",
  dueDate: "due_date",
  contactName: "contact_name",
  notes: "notes",
  totalQuantity: "total_quantity",
  netAmount: "net_amount",
  taxAmount: "tax_amount",
  currencyId: "currency_id",
  totalAmount: "total_amount",
  invoiceLines: "invoice_lines",
};

export const salesInvoiceInputs = invoiceInputsOf("sales");
export const purchaseInvoiceInputs = invoiceInputsOf("purchase");

export const voidReason = input({
  label: "Void Reason",
  type: "string",
  required: false,
  comments:
    "Why the invoice is being voided. Sage deletes a draft invoice and voids any other, and voiding requires a reason; sent only when filled in.",
  example: "Raised in error",
  clean: optionalString("Void Reason"),
});
