import { input } from "@prismatic-io/spectral";
import { INVOICE_LINES_TEMPLATE, type InvoiceKind, invoiceLines as cleanInvoiceLines } from "../util/invoiceLines";
import { optionalDate, optionalId, optionalNumber, optionalString, requiredDate, requiredId } from "../util/validation";
import { contactId, currencyId, sageQueryFlag } from "./common";

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

export const date = input({
  label: "Date",
  type: "string",
  required: true,
  comments: "Provide a valid date value.",
  example: "2026-01-31",
  placeholder: "YYYY-MM-DD",
  clean: requiredDate("Date"),
});

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

/**
 * Invoice Lines for one kind of invoice. On create the lines are required; on update they are
 * optional, and the untouched template counts as not filled in, so the default never replaces
 * an invoice's real lines.
 */
const invoiceLinesInput = (kind: InvoiceKind, { required }: { required: boolean }) =>
  input({
    label: "Invoice Lines",
    type: "code",
    language: "json",
    required,
    comments: "Provide a list of javascript objects, each containing information of an an invoice line item.",
    default: INVOICE_LINES_TEMPLATE,
    example: INVOICE_LINES_TEMPLATE,
    clean: cleanInvoiceLines("Invoice Lines", kind, { required }),
  });

/** The inputs of the create and update actions of one invoice kind, so both kinds declare them once. */
const invoiceInputsOf = (kind: InvoiceKind) => ({
  create: { contactId, date, invoiceLines: invoiceLinesInput(kind, { required: true }), totalAmount },
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
    invoiceLines: invoiceLinesInput(kind, { required: false }),
  },
});

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

/** Sage sends an invoice's payments and allocations only when asked (show_payments_allocations). */
export const showPaymentsAllocations = sageQueryFlag({
  label: "Include Payment Allocations",
  comments:
    "Also return the invoice's payments_allocations (each payment or credit allocated to it); Sage leaves them out unless asked. payments_allocations_total_amount is always returned.",
});

/** Extra filters of the invoice list actions, after the page's own inputs. */
export const invoiceListFilters = {
  contactId: input({
    ...contactId,
    required: false,
    comments: "Limit the response to the invoices of this contact.",
    clean: optionalId("Contact Id"),
  }),
  statusId: input({
    label: "Status Id",
    type: "string",
    required: false,
    comments: "Limit the response to invoices with this status, e.g. DRAFT, UNPAID, PART_PAID, PAID or VOID.",
    example: "UNPAID",
    clean: optionalId("Status Id"),
  }),
  fromDate: input({
    label: "From Date",
    type: "string",
    required: false,
    comments: "Limit the response to invoices dated on or after this date (YYYY-MM-DD).",
    example: "2026-01-01",
    placeholder: "YYYY-MM-DD",
    clean: optionalDate("From Date"),
  }),
  toDate: input({
    label: "To Date",
    type: "string",
    required: false,
    comments: "Limit the response to invoices dated on or before this date (YYYY-MM-DD).",
    example: "2026-01-31",
    placeholder: "YYYY-MM-DD",
    clean: optionalDate("To Date"),
  }),
};
