import {
  documentBody,
  documentId,
  documentInputs,
  documentListFilters,
  requiredVoidReason,
  paymentsAllocationsOption,
} from "../inputs/documents";
import type { SageResource } from "./resource";

const lines = {
  key: "creditNoteLines",
  label: "Credit Note Lines",
  kind: "sales",
  field: "credit_note_lines",
} as const;
const inputs = documentInputs(lines);

export const salesCreditNotes: SageResource = {
  path: "/sales_credit_notes",
  wrapper: "sales_credit_note",
  definition: "SalesCreditNote",
  singular: "Sales Credit Note",
  plural: "Sales Credit Notes",
  id: { key: "salesCreditNoteId", input: documentId("Sales Credit Note", "selectSalesCreditNote") },
  filters: documentListFilters("credit notes"),
  readOptions: paymentsAllocationsOption("credit note"),
  body: documentBody(lines),
  create: {
    key: "createSalesCreditNote",
    label: "Create Sales Credit Note",
    description: "Create a sales credit note: money owed back to a customer, e.g. for a refund or a return.",
    inputs: inputs.create,
  },
  update: {
    key: "updateSalesCreditNote",
    label: "Update Sales Credit Note",
    description: "Update a sales credit note by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: {
    key: "getSalesCreditNote",
    label: "Get Sales Credit Note",
    description: "Get a sales credit note by Id, with all its fields and lines.",
  },
  void: {
    key: "voidSalesCreditNote",
    label: "Void Sales Credit Note",
    description: "Void a sales credit note by Id, giving a reason (Sage deletes a draft instead).",
    inputs: { voidReason: requiredVoidReason },
  },
  release: {
    key: "releaseSalesCreditNote",
    label: "Release Sales Credit Note",
    description: "Release a draft sales credit note, so that it is posted to the ledgers.",
  },
  list: { key: "listSalesCreditNotes", label: "List Sales Credit Notes", description: "List all sales credit notes" },
  dropdown: {
    key: "selectSalesCreditNote",
    label: "Select Sales Credit Note",
    description: "Select a sales credit note.",
  },
  pollable: true,
  pdf: true,
  sample: {
    create: {
      contactId: "$customer",
      date: "$today",
      reference: "REFUND-0001",
      creditNoteLines: [
        { description: "Returned widget", ledger_account_id: "$salesLedger", quantity: 1, unit_price: 12.5 },
      ],
    },
    update: { notes: "Refunded to the customer's card." },
  },
};
