import { documentBody, documentId, documentInputs, documentListFilters } from "../inputs/documents";
import type { SageResource } from "./resource";

const lines = { key: "quoteLines", label: "Quote Lines", kind: "quote", field: "quote_lines" } as const;
const inputs = documentInputs(lines, { expires: true });

export const salesQuotes: SageResource = {
  path: "/sales_quotes",
  wrapper: "sales_quote",
  definition: "SalesQuote",
  singular: "Sales Quote",
  plural: "Sales Quotes",
  id: { key: "salesQuoteId", input: documentId("Sales Quote", "selectSalesQuote") },
  filters: documentListFilters("quotes"),
  body: documentBody(lines),
  create: {
    key: "createSalesQuote",
    label: "Create Sales Quote",
    description: "Create a sales quote for a customer, valid until its Expiry Date.",
    inputs: inputs.create,
  },
  update: {
    key: "updateSalesQuote",
    label: "Update Sales Quote",
    description: "Update a sales quote by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: {
    key: "getSalesQuote",
    label: "Get Sales Quote",
    description: "Get a sales quote by Id, with all its fields and lines.",
  },
  delete: { key: "deleteSalesQuote", label: "Delete Sales Quote", description: "Delete a sales quote by Id." },
  list: { key: "listSalesQuotes", label: "List Sales Quotes", description: "List all sales quotes" },
  dropdown: { key: "selectSalesQuote", label: "Select Sales Quote", description: "Select a sales quote." },
  pollable: true,
  pdf: true,
  sample: {
    create: {
      contactId: "$customer",
      date: "$today",
      expiryDate: "2026-02-28",
      quoteLines: [
        { description: "Website redesign", ledger_account_id: "$salesLedger", quantity: 1, unit_price: 2400 },
      ],
    },
    update: { reference: "DEAL-0007" },
  },
};
