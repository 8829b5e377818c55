import { documentBody, documentId, documentInputs, documentListFilters } from "../inputs/documents";
import type { SageResource } from "./resource";

const lines = { key: "estimateLines", label: "Estimate Lines", kind: "quote", field: "estimate_lines" } as const;
const inputs = documentInputs(lines, { expires: true });

export const salesEstimates: SageResource = {
  path: "/sales_estimates",
  wrapper: "sales_estimate",
  definition: "SalesEstimate",
  singular: "Sales Estimate",
  plural: "Sales Estimates",
  id: { key: "salesEstimateId", input: documentId("Sales Estimate", "selectSalesEstimate") },
  filters: documentListFilters("estimates"),
  body: documentBody(lines),
  create: {
    key: "createSalesEstimate",
    label: "Create Sales Estimate",
    description: "Create a sales estimate for a customer, valid until its Expiry Date.",
    inputs: inputs.create,
  },
  update: {
    key: "updateSalesEstimate",
    label: "Update Sales Estimate",
    description: "Update a sales estimate by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: {
    key: "getSalesEstimate",
    label: "Get Sales Estimate",
    description: "Get a sales estimate by Id, with all its fields and lines.",
  },
  delete: { key: "deleteSalesEstimate", label: "Delete Sales Estimate", description: "Delete a sales estimate by Id." },
  list: { key: "listSalesEstimates", label: "List Sales Estimates", description: "List all sales estimates" },
  dropdown: { key: "selectSalesEstimate", label: "Select Sales Estimate", description: "Select a sales estimate." },
  pollable: true,
  pdf: true,
  sample: {
    create: {
      contactId: "$customer",
      date: "$today",
      expiryDate: "2026-02-28",
      estimateLines: [
        { description: "Website redesign", ledger_account_id: "$salesLedger", quantity: 1, unit_price: 2400 },
      ],
    },
    update: { reference: "DEAL-0007" },
  },
};
