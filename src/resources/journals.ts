import { input } from "@prismatic-io/spectral";
import { updatedOrCreatedSinceFor } from "../inputs/common";
import { documentDate } from "../inputs/documents";
import { JOURNAL_LINES_TEMPLATE, journalLines } from "../util/journalLines";
import { optionalString, requiredId, requiredString } from "../util/validation";
import type { SageResource } from "./resource";

/**
 * Journals: a manual posting of debits and credits to ledger accounts (payroll, accruals, revenue
 * recognition). Sage's spec has POST, GET, DELETE and POST /reissue, but no PUT: a journal is
 * corrected by deleting it and posting another. Its list takes only the change filters (no dates,
 * no search).
 */
export const journals: SageResource = {
  path: "/journals",
  wrapper: "journal",
  definition: "Journal",
  singular: "Journal",
  plural: "Journals",
  id: {
    key: "journalId",
    input: input({
      label: "Journal Id",
      type: "string",
      required: true,
      comments: "Provide the unique identifier of a journal (from Create Journal or List Journals).",
      example: "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11",
      clean: requiredId("Journal Id"),
    }),
  },
  filters: {
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSinceFor("Journals") },
  },
  body: { date: "date", reference: "reference", description: "description", journalLines: "journal_lines" },
  create: {
    key: "createJournal",
    label: "Create Journal",
    description:
      "Post a journal of debits and credits to ledger accounts; refused before sending unless the debits equal the credits.",
    inputs: {
      date: input({ ...documentDate, comments: "The journal's date (YYYY-MM-DD)." }),
      reference: input({
        label: "Reference",
        type: "string",
        required: true,
        comments: "Your reference for the journal, e.g. the payroll run.",
        example: "PAYROLL-2026-01",
        clean: requiredString("Reference"),
      }),
      description: input({
        label: "Description",
        type: "string",
        required: false,
        comments: "What the journal is for (up to 200 characters).",
        example: "January payroll",
        clean: optionalString("Description"),
      }),
      journalLines: input({
        label: "Journal Lines",
        type: "code",
        language: "json",
        required: true,
        comments:
          "A JSON array of lines, each { ledger_account_id, debit or credit, details }: exactly one of debit and credit above 0 (at most 2 decimal places), and the debits must add up to the credits.",
        default: JOURNAL_LINES_TEMPLATE,
        example: JOURNAL_LINES_TEMPLATE,
        clean: journalLines("Journal Lines"),
      }),
    },
  },
  get: { key: "getJournal", label: "Get Journal", description: "Get a journal by Id, with its lines." },
  delete: {
    key: "deleteJournal",
    label: "Delete Journal",
    description: "Delete a journal by Id; its postings leave the ledger.",
  },
  reissue: {
    key: "reissueJournal",
    label: "Reissue Journal",
    description: "Reissue a journal by Id (Sage's POST /journals/{key}/reissue): Sage posts it again.",
  },
  list: { key: "listJournals", label: "List Journals", description: "List all journals" },
  pollable: true,
  sample: {
    create: {
      date: "$today",
      reference: "ACCRUAL-0001",
      description: "Month-end accrual",
      journalLines: [
        { ledger_account_id: "$purchaseLedger", debit: 250, credit: 0, details: "Accrued costs" },
        { ledger_account_id: "$salesLedger", debit: 0, credit: 250, details: "Deferred income" },
      ],
    },
    update: {},
  },
};
