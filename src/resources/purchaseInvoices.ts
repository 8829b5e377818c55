import { documentListFilters, paymentsAllocationsOption } from "../inputs/documents";
import { dueDate, INVOICE_BODY, purchaseInvoiceId, purchaseInvoiceInputs } from "../inputs/invoices";
import type { SageResource } from "./resource";

export const purchaseInvoices: SageResource = {
  path: "/purchase_invoices",
  wrapper: "purchase_invoice",
  definition: "PurchaseInvoice",
  singular: "Purchase Invoice",
  plural: "Purchase Invoices",
  id: { key: "purchaseInvoiceId", input: purchaseInvoiceId },
  filters: documentListFilters("invoices"),
  readOptions: paymentsAllocationsOption("invoice"),
  body: INVOICE_BODY,
  create: {
    key: "createPurchaseInvoice",
    label: "Create Purchase Invoice",
    description: "Create a new purchase invoice",
    inputs: { ...purchaseInvoiceInputs.create, dueDate },
  },
  update: {
    key: "updatePurchaseInvoice",
    label: "Update Purchase Invoice",
    description: "Update the information and metadata of a purchase invoice by Id",
    inputs: purchaseInvoiceInputs.update,
  },
  get: {
    key: "getPurchaseInvoice",
    label: "Get Purchase Invoice",
    description: "Get the information and metadata of a purchase invoice by Id",
  },
  delete: {
    key: "deletePurchaseInvoice",
    label: "Delete Purchase Invoice",
    description: "Delete the information and metadata of a purchase invoice by Id",
  },
  list: { key: "listPurchaseInvoices", label: "List Purchase Invoices", description: "List all purchase invoices" },
  find: {
    key: "findPurchaseInvoice",
    label: "Find Purchase Invoice",
    description:
      "Find the purchase invoices whose reference or vendor reference (the supplier's invoice number) is exactly the given text (any case), across all pages",
    // Sage's PurchaseInvoice has no invoice_number: a bill is known by the supplier's number (vendor_reference).
    fields: ["reference", "vendor_reference"],
  },
  dropdown: {
    key: "selectPurchaseInvoice",
    label: "Select Purchase Invoice",
    description: "Select a purchase invoice.",
  },
  pollable: true,
  sample: {
    create: {
      contactId: "$vendor",
      date: "$today",
      dueDate: "$today",
      invoiceLines: [{ description: "Paper", ledger_account_id: "$purchaseLedger", quantity: 4, unit_price: 5 }],
    },
    update: { notes: "Delivered to the Bristol office." },
  },
};
