// @ts-check
"use strict";

const { RESOURCES } = require("./resources");
const { stableId } = require("./seed");

/**
 * Bulk synthetic records for benchmarks and paging tests: built by the same resource code as
 * POST (so they look exactly like API-created records) but without HTTP or the schema check,
 * and without the O(n) uniqueness scans (the generator makes references and codes unique).
 */

/** @typedef {import("./store").BusinessData} BusinessData */
/** @typedef {Record<string, any>} SageRecord */

const CITIES = ["London", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "York", "Bath"];
const pad = (/** @type {number} */ n) => String(n).padStart(5, "0");

/** The id of the seeded ledger account with this nominal code. */
const ledgerId = (/** @type {BusinessData} */ db, /** @type {number} */ code) => {
  const account = db.collection("ledger_accounts").items.find((a) => a.nominal_code === code);
  if (!account) throw new Error(`No ledger account ${code} to seed against`);
  return account.id;
};

/** A contact with the given type to hang invoices on: the one asked for, else the first, else a new one. */
const contactFor = (
  /** @type {BusinessData} */ db,
  /** @type {string} */ type,
  /** @type {string | undefined} */ contactId,
  /** @type {string} */ at,
) => {
  if (contactId) {
    if (!db.collection("contacts").get(contactId)) throw new Error(`No contact ${contactId} to seed invoices for`);
    return contactId;
  }
  const existing = db
    .collection("contacts")
    .items.find((c) => c.contact_types?.some((/** @type {SageRecord} */ t) => t.id === type));
  if (existing) return existing.id;
  return synthesize(db, "contacts", 1, { at, contactType: type })[0].id;
};

/** @type {Record<string, (db: BusinessData, i: number, options: { at: string, contactId?: string, contactType?: string }) => SageRecord>} */
const BODIES = {
  contacts: (db, i, { contactType }) => {
    const type = contactType ?? (i % 4 === 3 ? "VENDOR" : "CUSTOMER");
    const label = `${type === "VENDOR" ? "Supplier" : "Customer"} ${pad(i)}`;
    return {
      name: `Synthetic ${label} Ltd`,
      contact_type_ids: [type],
      reference: `SYN-${pad(i)}`,
      main_address: {
        address_line_1: `${i} High Street`,
        city: CITIES[i % CITIES.length],
        postal_code: `AB${i % 90} ${i % 9}CD`,
        country_id: "GB",
      },
      main_contact_person: { name: `Contact ${pad(i)}`, email: `contact${i}@synthetic.example` },
    };
  },
  contact_persons: (db, i) => {
    const contact = db.collection("contacts").items[i % Math.max(1, db.collection("contacts").items.length)];
    if (!contact) throw new Error("Seed contacts before contact_persons");
    return {
      address_id: contact.main_address.id,
      name: `Person ${pad(i)}`,
      contact_person_type_ids: ["SALES"],
      email: `person${i}@synthetic.example`,
    };
  },
  ledger_accounts: (db, i) => {
    const used = new Set(db.collection("ledger_accounts").items.map((a) => a.nominal_code));
    let code = 60000 + i;
    while (used.has(code)) code += 10000;
    return {
      ledger_account_type_id: "OVERHEADS",
      included_in_chart: true,
      name: `Synthetic overhead ${pad(i)}`,
      display_name: `Overhead ${pad(i)}`,
      nominal_code: code,
      tax_rate_id: "GB_STANDARD",
    };
  },
  sales_invoices: (db, i, { at, contactId }) => ({
    contact_id: contactFor(db, "CUSTOMER", contactId, at),
    date: at.slice(0, 10),
    invoice_lines: [
      {
        description: `Synthetic item ${pad(i)}`,
        ledger_account_id: ledgerId(db, 4000),
        quantity: 1 + (i % 5),
        unit_price: 10 + (i % 50),
        tax_rate_id: "GB_STANDARD",
      },
    ],
  }),
  purchase_invoices: (db, i, { at, contactId }) => ({
    contact_id: contactFor(db, "VENDOR", contactId, at),
    date: at.slice(0, 10),
    due_date: at.slice(0, 10),
    invoice_lines: [
      {
        description: `Synthetic purchase ${pad(i)}`,
        ledger_account_id: ledgerId(db, 5000),
        quantity: 1 + (i % 3),
        unit_price: 5 + (i % 20),
        tax_rate_id: "GB_STANDARD",
      },
    ],
  }),
  products: (db, i) => ({
    description: `Synthetic product ${pad(i)}`,
    item_code: `SYN-P-${pad(i)}`,
    sales_ledger_account_id: ledgerId(db, 4000),
    purchase_ledger_account_id: ledgerId(db, 5000),
  }),
  services: (db, i) => ({
    description: `Synthetic service ${pad(i)}`,
    item_code: `SYN-S-${pad(i)}`,
    sales_ledger_account_id: ledgerId(db, 4000),
  }),
};

/**
 * Insert n synthetic records into one business's collection.
 * @param {BusinessData} db
 * @param {string} collection
 * @param {number} n
 * @param {{ at: string, contactId?: string, contactType?: string }} options
 * @returns {SageRecord[]}
 */
function synthesize(db, collection, n, options) {
  const body = BODIES[collection];
  if (!body) throw new Error(`Cannot seed ${collection}; supported: ${Object.keys(BODIES).join(", ")}`);
  if (!Number.isInteger(n) || n < 0) throw new Error("seed count must be a whole number");
  const resource = RESOURCES[collection];
  const target = db.collection(collection);
  /** @type {SageRecord[]} */
  const created = [];
  for (let k = 0; k < n; k++) {
    // A per-business counter keeps references and codes unique across repeated seeds.
    const i = db.next(`synthetic:${collection}`);
    const ctx = { db, at: options.at, errors: [], trusted: true };
    const record = resource.create(ctx, body(db, i, options));
    target.add(record);
    created.push(record);
  }
  return created;
}

module.exports = { synthesize, stableId };
