import {
  documentBody,
  documentId,
  documentInputs,
  documentListFilters,
  paymentsAllocationsOption,
} from "../inputs/documents";
import type { SageResource } from "./resource";

const lines = {
  key: "creditNoteLines",
  label: "Credit Note Lines",
  kind: "purchase",
  field: "credit_note_lines",
} as const;
const inputs = documentInputs(lines);

export const purchaseCreditNotes: SageResource = {
  path: "/purchase_credit_notes",
  wrapper: "purchase_credit_note",
  definition: "PurchaseCreditNote",
  singular: "Purchase Credit Note",
  plural: "Purchase Credit Notes",
  id: { key: "purchaseCreditNoteId", input: documentId("Purchase Credit Note", "selectPurchaseCreditNote") },
  filters: documentListFilters("credit notes"),
  readOptions: paymentsAllocationsOption("credit note"),
  body: documentBody(lines),
  create: {
    key: "createPurchaseCreditNote",
    label: "Create Purchase Credit Note",
    description: "Create a purchase credit note: money a supplier owes back, e.g. for returned goods.",
    inputs: inputs.create,
  },
  update: {
    key: "updatePurchaseCreditNote",
    label: "Update Purchase Credit Note",
    description: "Update a purchase credit note by Id; only the inputs filled in are changed.",
    inputs: inputs.update,
  },
  get: {
    key: "getPurchaseCreditNote",
    label: "Get Purchase Credit Note",
    description: "Get a purchase credit note by Id, with all its fields and lines.",
  },
  delete: {
    key: "deletePurchaseCreditNote",
    label: "Delete Purchase Credit Note",
    description: "Delete a purchase credit note by Id.",
  },
  list: {
    key: "listPurchaseCreditNotes",
    label: "List Purchase Credit Notes",
    description: "List all purchase credit notes",
  },
  dropdown: {
    key: "selectPurchaseCreditNote",
    label: "Select Purchase Credit Note",
    description: "Select a purchase credit note.",
  },
  pollable: true,
  sample: {
    create: {
      contactId: "$vendor",
      date: "$today",
      reference: "RMA-0042",
      creditNoteLines: [
        { description: "Returned chair", ledger_account_id: "$purchaseLedger", quantity: 1, unit_price: 120 },
      ],
    },
    update: { notes: "Supplier credit agreed by phone." },
  },
};
