import { input } from "@prismatic-io/spectral";
import type { ListFilters } from "../actions/listAction";
import { INVOICE_LINES_TEMPLATE, type LineKind, invoiceLines as cleanLines } from "../util/invoiceLines";
import {
  InputError,
  optionalDate,
  optionalId,
  optionalString,
  optionalTrimmed,
  requiredDate,
  requiredId,
  requiredString,
} from "../util/validation";
import { contactId, sageQueryFlag, updatedOrCreatedSince } from "./common";

/**
 * Inputs shared by Sage's sales and purchase documents (invoices, credit notes, quotes,
 * estimates): each is built for one document so its label and comment name it.
 */

const EXAMPLE_ID = "a5fe7e0e2d3a4c1d9f6d6c2f0e4b8a11";

/** The id input of one document type, e.g. "Sales Credit Note Id", with its dropdown. */
export const documentId = (singular: string, dataSource: string, comments?: string) =>
  input({
    label: `${singular} Id`,
    type: "string",
    required: true,
    comments: comments ?? `Provide the unique identifier of a ${singular.toLowerCase()}.`,
    example: EXAMPLE_ID,
    placeholder: `Select a ${singular.toLowerCase()}`,
    dataSource,
    clean: requiredId(`${singular} Id`),
  });

/**
 * The lines of a document, checked line by line against Sage's line schema for its kind. On
 * update they are optional, and the untouched template counts as not filled in, so the default
 * never replaces a document's real lines.
 */
export const documentLines = (label: string, kind: LineKind, { required }: { required: boolean }, noun = "line") =>
  input({
    label,
    type: "code",
    language: "json",
    required,
    comments: `Provide a list of javascript objects, each containing information of an an ${noun} item.`,
    default: INVOICE_LINES_TEMPLATE,
    example: INVOICE_LINES_TEMPLATE,
    clean: cleanLines(label, kind, { required }),
  });

/** The filters Sage's document lists take, worded for one document type ("invoices", "credit notes"). */
export const documentListFilters = (plural: string) =>
  ({
    updatedOrCreatedSince: { query: "updated_or_created_since", input: updatedOrCreatedSince },
    contactId: {
      query: "contact_id",
      input: input({
        ...contactId,
        required: false,
        comments: `Limit the response to the ${plural} of this contact.`,
        clean: optionalId("Contact Id"),
      }),
    },
    statusId: {
      query: "status_id",
      input: input({
        label: "Status Id",
        type: "string",
        required: false,
        comments: `Limit the response to ${plural} with this status, e.g. DRAFT, UNPAID, PART_PAID, PAID or VOID.`,
        example: "UNPAID",
        clean: optionalId("Status Id"),
      }),
    },
    fromDate: {
      query: "from_date",
      input: input({
        label: "From Date",
        type: "string",
        required: false,
        comments: `Limit the response to ${plural} dated on or after this date (YYYY-MM-DD).`,
        example: "2026-01-01",
        placeholder: "YYYY-MM-DD",
        clean: optionalDate("From Date"),
      }),
    },
    toDate: {
      query: "to_date",
      input: input({
        label: "To Date",
        type: "string",
        required: false,
        comments: `Limit the response to ${plural} dated on or before this date (YYYY-MM-DD).`,
        example: "2026-01-31",
        placeholder: "YYYY-MM-DD",
        clean: optionalDate("To Date"),
      }),
    },
    search: {
      query: "search",
      input: input({
        label: "Search",
        type: "string",
        required: false,
        comments: `Limit the response to ${plural} whose number, reference or contact name contains this text.`,
        example: "SI-12",
        clean: optionalTrimmed("Search"),
      }),
    },
  }) satisfies ListFilters;

/**
 * Get and List of a document that can be paid (invoices, credit notes): Sage sends its
 * payments_allocations only when asked (show_payments_allocations on both paths).
 */
export const paymentsAllocationsOption = (noun: string) =>
  ({
    showPaymentsAllocations: {
      query: "show_payments_allocations",
      input: sageQueryFlag({
        label: "Include Payment Allocations",
        comments: `Also return the ${noun}'s payments_allocations (each payment or credit allocated to it); Sage leaves them out unless asked. payments_allocations_total_amount is always returned.`,
      }),
    },
  }) satisfies ListFilters;

export const documentDate = input({
  label: "Date",
  type: "string",
  required: true,
  comments: "Provide a valid date value.",
  example: "2026-01-31",
  placeholder: "YYYY-MM-DD",
  clean: requiredDate("Date"),
});

export const expiryDate = input({
  label: "Expiry Date",
  type: "string",
  required: true,
  comments: "The date until which the customer can accept it (YYYY-MM-DD).",
  example: "2026-02-28",
  placeholder: "YYYY-MM-DD",
  clean: requiredDate("Expiry Date"),
});

export const documentReference = input({
  label: "Reference",
  type: "string",
  required: false,
  comments: "Your reference for the document, e.g. an order or refund number.",
  example: "REF-1001",
  clean: optionalString("Reference"),
});

export const documentNotes = input({
  label: "Notes",
  type: "string",
  required: false,
  comments: "Notes printed on the document.",
  example: "Thank you for your business.",
  clean: optionalString("Notes"),
});

export const requiredVoidReason = input({
  label: "Void Reason",
  type: "string",
  required: true,
  comments: "Why the document is being voided; Sage keeps it on the voided document.",
  example: "Raised in error",
  clean: requiredString("Void Reason"),
});

/** Create as a draft (released later with the Release action) or as Sage's default, a live document. */
export const draftStatus = input({
  label: "Status Id",
  type: "string",
  required: false,
  comments: "DRAFT saves a draft, which the Release action makes live; blank creates it live.",
  default: "",
  model: [
    { label: "Live (Sage's default)", value: "" },
    { label: "Draft", value: "DRAFT" },
  ],
  clean: (value: unknown): string | undefined => {
    const status = optionalTrimmed("Status Id")(value);
    if (status !== undefined && status !== "DRAFT") throw new InputError("Status Id", "DRAFT or blank", value);
    return status;
  },
});

/** An input made optional for an update action: same label and comment, blank means "leave unchanged". */
export const optionalOnUpdate = {
  contactId: input({ ...contactId, required: false, clean: optionalId("Contact Id") }),
  date: input({ ...documentDate, required: false, clean: optionalDate("Date") }),
  expiryDate: input({ ...expiryDate, required: false, clean: optionalDate("Expiry Date") }),
};

/**
 * Create and update inputs of a credit note, quote or estimate. `lines` names the lines input
 * (key and label); quotes and estimates also take an Expiry Date.
 */
export const documentInputs = (
  lines: { key: string; label: string; kind: LineKind },
  { expires = false }: { expires?: boolean } = {},
) => ({
  create: {
    contactId,
    date: documentDate,
    ...(expires ? { expiryDate } : {}),
    reference: documentReference,
    notes: documentNotes,
    [lines.key]: documentLines(lines.label, lines.kind, { required: true }),
    statusId: draftStatus,
  },
  update: {
    contactId: optionalOnUpdate.contactId,
    date: optionalOnUpdate.date,
    ...(expires ? { expiryDate: optionalOnUpdate.expiryDate } : {}),
    reference: documentReference,
    notes: documentNotes,
    [lines.key]: documentLines(lines.label, lines.kind, { required: false }),
  },
});

/** Body mapper of documentInputs: input key → Sage field. */
export const documentBody = (lines: { key: string; field: string }) => ({
  contactId: "contact_id",
  date: "date",
  expiryDate: "expiry_date",
  reference: "reference",
  notes: "notes",
  statusId: "status_id",
  [lines.key]: lines.field,
});
