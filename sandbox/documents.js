// @ts-check
"use strict";

/**
 * The per-document rules of the sandbox: what Sage's spec does not say about each kind of sales
 * or purchase document. Everything else — the body wrapper, the POST/PUT definitions, which
 * routes exist (PUT, DELETE, /release), whether DELETE voids (it takes `void_reason`), the list
 * query parameters and the fields a line must have — is read from Sage's spec by
 * `documentRoutes` below, so a new document kind is one entry here.
 *
 * Numbers, prefixes and quote statuses are the sandbox's own choice where no recording shows
 * Sage's (noted per field).
 */

/** @type {any} Sage's spec, read by path and definition name */
const spec = require("./openapi/accounting-v3.1-2023.openapi.json");

/**
 * @typedef {object} DocumentRules
 * @property {string} label            how messages name one, e.g. "Sales invoice"
 * @property {string} number           the number field's stem: "invoice" → invoice_number, invoice_number_prefix
 * @property {string} prefix           number prefix (the sandbox's choice for all but invoices)
 * @property {"CUSTOMER" | "VENDOR"} contactType  the contact type the contact must have
 * @property {[string, string] | null} transactionType  Sage's transaction type, null for quotes and estimates (no ledger entry)
 * @property {"due" | "expiry" | "none"} dates  invoices have a due date (default: the contact's credit days),
 *                                        quotes and estimates a required expiry date, credit notes neither
 * @property {"artefact" | "quote"} statuses  artefact_statuses (paid/unpaid/void) or quote statuses
 * @property {string[]} searchFields    fields Sage's `search` matches (the sandbox's choice: number, contact name, references)
 * @property {boolean} pdf             GET with Accept: application/pdf returns the document as a PDF
 * @property {string[]} [extraFields]  fields kept although the spec's record definition lacks them
 */

/** @type {Record<string, DocumentRules>} */
const DOCUMENT_RULES = {
  sales_invoices: {
    label: "Sales invoice",
    number: "invoice",
    prefix: "SI-",
    contactType: "CUSTOMER",
    transactionType: ["SALES_INVOICE", "Sales Invoice"],
    dates: "due",
    statuses: "artefact",
    searchFields: ["invoice_number", "contact_name", "reference"],
    pdf: true,
  },
  purchase_invoices: {
    label: "Purchase invoice",
    number: "invoice",
    prefix: "PI-",
    contactType: "VENDOR",
    transactionType: ["PURCHASE_INVOICE", "Purchase Invoice"],
    dates: "due",
    statuses: "artefact",
    searchFields: ["invoice_number", "contact_name", "reference", "vendor_reference"],
    pdf: false,
    // Sage's PurchaseInvoice definition lists no number or discount totals; the sandbox has always
    // returned them (as sales invoices have them), and tests and examples rely on the number.
    extraFields: [
      "invoice_number_prefix",
      "invoice_number",
      "total_discount_amount",
      "base_currency_total_discount_amount",
    ],
  },
  sales_credit_notes: {
    label: "Sales credit note",
    number: "credit_note",
    prefix: "SCN-",
    contactType: "CUSTOMER",
    transactionType: ["SALES_CREDIT_NOTE", "Sales Credit Note"],
    dates: "none",
    statuses: "artefact",
    searchFields: ["credit_note_number", "contact_name", "reference"],
    pdf: true,
  },
  purchase_credit_notes: {
    label: "Purchase credit note",
    number: "credit_note",
    prefix: "PCN-",
    contactType: "VENDOR",
    transactionType: ["PURCHASE_CREDIT_NOTE", "Purchase Credit Note"],
    dates: "none",
    statuses: "artefact",
    searchFields: ["contact_name", "reference", "vendor_reference"],
    pdf: false,
  },
  sales_quotes: {
    label: "Sales quote",
    number: "quote",
    prefix: "SQ-",
    contactType: "CUSTOMER",
    transactionType: null,
    dates: "expiry",
    statuses: "quote",
    searchFields: ["quote_number", "contact_name", "reference"],
    pdf: true,
  },
  sales_estimates: {
    label: "Sales estimate",
    number: "estimate",
    prefix: "SE-",
    contactType: "CUSTOMER",
    transactionType: null,
    dates: "expiry",
    statuses: "quote",
    searchFields: ["estimate_number", "contact_name", "reference"],
    pdf: true,
  },
};

/** "sales_credit_notes" → "SalesCreditNote": the spec's name for one record. */
const definitionOf = (/** @type {string} */ collection) =>
  collection
    .replace(/s$/, "")
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/**
 * What Sage's spec says about a document collection's routes and bodies.
 * @param {string} collection e.g. "sales_credit_notes"
 */
const documentRoutes = (collection) => {
  const Name = definitionOf(collection);
  const plural = `${Name}s`;
  const one = spec.paths[`/${collection}/{key}`] ?? {};
  const post = spec.definitions[`post${plural}`] ? `post${plural}` : undefined;
  const put = spec.definitions[`put${plural}`] ? `put${plural}` : undefined;
  const wrapper = collection.replace(/s$/, "");
  const properties = post ? spec.definitions[post].properties[wrapper].properties : {};
  const linesField = Object.keys(properties).find((field) => field.endsWith("_lines")) ?? "lines";
  const lineSchema = properties[linesField]?.items ?? {};
  const lineItems = lineSchema.$ref ? spec.definitions[lineSchema.$ref.split("/").pop()] : lineSchema;
  return {
    wrapper,
    definition: Name,
    post,
    put,
    canDelete: Boolean(one.delete),
    canRelease: Boolean(spec.paths[`/${collection}/{key}/release`]?.post),
    voids: Boolean(one.delete?.parameters?.some((/** @type {{ name: string }} */ p) => p.name === "void_reason")),
    queries: (spec.paths[`/${collection}`]?.get?.parameters ?? [])
      .map((/** @type {{ name: string }} */ p) => p.name)
      .filter((/** @type {string} */ name) => !["items_per_page", "page", "attributes", "sort"].includes(name)),
    linesField,
    lineRequired: /** @type {string[]} */ (lineItems.required ?? []),
    /** Every field Sage returns for one record: the sandbox keeps nothing else on it. */
    fields: new Set(Object.keys(spec.definitions[Name]?.properties ?? {})),
    /** Fields the spec types string, e.g. PurchaseCreditNote.inverse_exchange_rate (a number elsewhere). */
    stringFields: Object.entries(spec.definitions[Name]?.properties ?? {})
      .filter(([, property]) => /** @type {{ type?: string }} */ (property).type === "string")
      .map(([field]) => field),
  };
};

module.exports = { DOCUMENT_RULES, documentRoutes, definitionOf };
