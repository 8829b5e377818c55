// @ts-check
"use strict";

const { mapNumberFields, sageDecimal } = require("./numberFields");

/**
 * How the sandbox writes records on the wire, as real Sage does (test/fixtures/sage-recordings/,
 * README "What real Sage sends"). Records are kept with JSON numbers and full nested objects; every
 * answer passes through `presentBody` on its way out, the one place that:
 *
 * - keeps only the asked `attributes` (index.js picks them for lists);
 * - turns nested records into links `{id, displayed_as, $path}` unless `nested_attributes` asks for
 *   them (`all`: full, with their own nested records as links; a list: link plus those fields);
 * - leaves out contact `balance` without `show_balance=true` and invoice `payments_allocations`
 *   without `show_payments_allocations=true`;
 * - adds the web `links` entry, the newer fields of Sage's 2023 spec the recordings carry, and
 *   writes every field the spec types `number` as Sage's decimal string ("6000.0").
 */

/** @typedef {Record<string, any>} SageRecord */
/** @typedef {import("./numberFields").NumberFieldTable} NumberFieldTable */

/**
 * Which nested links `nested_attributes` expands into the linked record. The recordings show a
 * contact's addresses, people and default ledger accounts expanded, while lookups (contact types,
 * tax rates, currencies) and an invoice's contact, products and ledger accounts stay links.
 */
const EXPANDED_COLLECTIONS = new Set(["addresses", "contact_persons", "ledger_accounts"]);

/**
 * Fields of Sage's 2023 spec that the recordings carry and the sandbox's records predate, with the
 * value a record without them gets (a stored record's own value wins).
 */
const NEWER_FIELDS = {
  contacts: {
    credit_terms: null,
    is_active: true,
    gb_based: true,
    destination_vat_blocking: false,
    mandate_active: false,
    send_statements: true,
    statement_run: { id: "statement_delivery_method_email", name: "Sent by email" },
  },
  sales_invoices: {
    vat_reverse_charge: false,
    destination_consignment: false,
    destination_vat_rates_in_use: false,
    cis_applicable_amount: null,
    base_currency_cis_applicable_amount: null,
    total_after_cis_deduction: null,
    base_currency_total_after_cis_deduction: null,
    has_cis_labour: false,
    has_cis_materials: false,
    terms_and_conditions: null,
    shipping_net_amount: 0,
    shipping_tax_rate: { id: "GB_STANDARD", displayed_as: "Standard 20.00%", $path: "/tax_rates/GB_STANDARD" },
    shipping_tax_amount: 0,
    shipping_tax_breakdown: [],
    shipping_total_amount: 0,
    base_currency_shipping_net_amount: 0,
    base_currency_shipping_tax_amount: 0,
    base_currency_shipping_tax_breakdown: [],
    base_currency_shipping_total_amount: 0,
    original_quote_estimate: null,
    tax_address_region: null,
    delivery_performance_date: null,
    base_currency_withholding_tax_amount: null,
    pas_payment_submission: null,
  },
  purchase_invoices: {
    vat_reverse_charge: false,
    base_currency_withholding_tax_amount: null,
  },
};

/** Lines of invoices: fields of the 2023 spec the recorded lines carry. */
const NEWER_LINE_FIELDS = { description: "", ledger_account: null, eu_sales_description: null };

/** The sandbox's own web address for a record (Sage's are numeric pages of accounts-extra.sageone.com). */
const webLinks = (/** @type {string} */ collection, /** @type {string} */ id) => [
  { href: `https://accounts-extra.sageone.com/${collection}/${id}`, rel: "alternate", type: "text/html" },
];

const isEntity = (/** @type {unknown} */ value) =>
  value !== null && typeof value === "object" && !Array.isArray(value) && "$path" in value && "id" in value;

const linkOf = (/** @type {SageRecord} */ value) => ({
  id: value.id,
  displayed_as: value.displayed_as,
  $path: value.$path,
});

/** A record's nested records reduced to links (one level, as Sage expands nested records). */
const linksOnly = (/** @type {SageRecord} */ record) => {
  /** @type {SageRecord} */
  const out = {};
  for (const [key, value] of Object.entries(record)) {
    if (isEntity(value)) out[key] = linkOf(value);
    else if (Array.isArray(value)) out[key] = value.map((item) => (isEntity(item) ? linkOf(item) : item));
    else out[key] = value;
  }
  return out;
};

/**
 * @param {SageRecord} value  a nested record or link
 * @param {string | null} nested  the `nested_attributes` parameter
 * @param {(collection: string, id: string) => SageRecord | undefined} lookup
 */
const presentNested = (value, nested, lookup) => {
  const [, collection] = String(value.$path).split("/");
  // An invoice's address is a snapshot ("$path": ""): it is its own full record.
  const expandable = value.$path === "" || EXPANDED_COLLECTIONS.has(collection);
  if (!nested || !expandable) return linkOf(value);
  const full = (value.$path !== "" && lookup(collection, value.id)) || value;
  if (nested === "all") return linksOnly(full);
  /** @type {SageRecord} */
  const picked = linkOf(full);
  for (const name of nested.split(",").map((n) => n.trim())) {
    if (name && name in full) picked[name] = isEntity(full[name]) ? linkOf(full[name]) : full[name];
  }
  return picked;
};

/**
 * One record as Sage writes it for this request.
 * @param {string} collection
 * @param {SageRecord} record   already reduced to the asked attributes
 * @param {URLSearchParams} query
 * @param {(collection: string, id: string) => SageRecord | undefined} lookup
 */
const presentRecord = (collection, record, query, lookup) => {
  const nested = query.get("nested_attributes")?.trim() || null;
  // A full record (not one reduced to base attributes or a list of them) carries the newer fields.
  const newer = "created_at" in record ? /** @type {Record<string, SageRecord>} */ (NEWER_FIELDS)[collection] : {};
  const fields = { ...record };
  for (const [key, value] of Object.entries(newer ?? {})) if (!(key in fields)) fields[key] = value;
  /** @type {SageRecord} */
  const out = {};
  for (const [key, value] of Object.entries(fields)) {
    if (isEntity(value)) out[key] = presentNested(value, nested, lookup);
    else if (Array.isArray(value))
      out[key] = value.map((item) => (isEntity(item) ? presentNested(item, nested, lookup) : item));
    else out[key] = value;
  }
  if (Array.isArray(out.links) && out.links.length === 0 && record.id) out.links = webLinks(collection, record.id);
  if (collection === "contacts") {
    if (query.get("show_balance") !== "true") delete out.balance;
    // Sage names the main address and person "preferred" too.
    if ("main_address" in out && !("preferred_address" in out)) out.preferred_address = out.main_address;
    if ("main_contact_person" in out && !("preferred_contact_person" in out))
      out.preferred_contact_person = out.main_contact_person;
  }
  if (collection === "sales_invoices" && "main_address" in out) {
    out.main_address_free_form ??= record.main_address?.displayed_as ?? null;
    out.delivery_address_free_form ??= record.delivery_address?.displayed_as ?? null;
  }
  if (collection === "sales_invoices" || collection === "purchase_invoices") {
    if (query.get("show_payments_allocations") !== "true") delete out.payments_allocations;
    if (Array.isArray(out.invoice_lines))
      out.invoice_lines = out.invoice_lines.map((/** @type {SageRecord} */ line) =>
        linksOnly({ ...NEWER_LINE_FIELDS, description: line.displayed_as ?? "", ...line }),
      );
  }
  return out;
};

/**
 * A whole answer body (a record, or a list envelope of records) of `collection` as Sage writes it.
 * @param {NumberFieldTable} numbers
 * @param {string} collection
 * @param {unknown} body
 * @param {URLSearchParams} query
 * @param {(collection: string, id: string) => SageRecord | undefined} lookup
 */
const presentBody = (numbers, collection, body, query, lookup) => {
  if (body === null || typeof body !== "object") return body;
  const present = (/** @type {SageRecord} */ record) =>
    "deleted_at" in record && Object.keys(record).length === 4 && !("created_at" in record)
      ? record // a tombstone of deleted_since
      : presentRecord(collection, record, query, lookup);
  /** @type {SageRecord} */
  const envelope = /** @type {SageRecord} */ (body);
  const shaped = Array.isArray(envelope.$items)
    ? { ...envelope, $items: envelope.$items.map(present) }
    : Array.isArray(body)
      ? body
      : present(envelope);
  return mapNumberFields(numbers, collection, shaped, sageDecimal);
};

module.exports = { presentBody, presentRecord, EXPANDED_COLLECTIONS, NEWER_FIELDS };
