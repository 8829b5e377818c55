import { documentListFilters, paymentsAllocationsOption } from "../inputs/documents";
import { INVOICE_BODY, salesInvoiceId, salesInvoiceInputs, voidReason } from "../inputs/invoices";
import type { SageResource } from "./resource";

export const salesInvoices: SageResource = {
  path: "/sales_invoices",
  wrapper: "sales_invoice",
  definition: "SalesInvoice",
  singular: "Sales Invoice",
  plural: "Sales Invoices",
  id: { key: "salesInvoiceId", input: salesInvoiceId },
  filters: documentListFilters("invoices"),
  readOptions: paymentsAllocationsOption("invoice"),
  body: INVOICE_BODY,
  create: {
    key: "createSalesInvoice",
    label: "Create Sales Invoice",
    description: "Create a new sales invoice",
    inputs: salesInvoiceInputs.create,
  },
  update: {
    key: "updateSalesInvoice",
    label: "Update Sales Invoice",
    description: "Update the information and metadata of a sales invoice by Id",
    inputs: salesInvoiceInputs.update,
  },
  get: {
    key: "getSalesInvoice",
    label: "Get Sales Invoice",
    description: "Get the information and metadata of a sales invoice by Id",
  },
  void: {
    key: "deleteSalesInvoice",
    label: "Delete Sales Invoice",
    description:
      "Delete the information and metadata of a sales invoice by Id. Sage deletes a draft invoice and voids any other; voiding requires a Void Reason.",
    inputs: { voidReason },
  },
  list: { key: "listSalesInvoices", label: "List Sales Invoices", description: "List all sales invoices" },
  find: {
    key: "findSalesInvoice",
    label: "Find Sales Invoice",
    description:
      "Find the sales invoices whose invoice number or reference is exactly the given text (any case), across all pages",
    fields: ["invoice_number", "reference"],
  },
  dropdown: { key: "selectSalesInvoice", label: "Select Sales Invoice", description: "Select a sales invoice." },
  pollable: true,
  pdf: true,
  sample: {
    create: {
      contactId: "$customer",
      date: "$today",
      invoiceLines: [{ description: "Consulting", ledger_account_id: "$salesLedger", quantity: 2, unit_price: 100 }],
    },
    update: { notes: "Thank you for your business." },
  },
};
