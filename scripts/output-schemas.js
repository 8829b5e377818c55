#!/usr/bin/env node
// @ts-check
"use strict";

/**
 * `npm run output-schemas`: writes src/outputSchemas.json, the record shapes behind every action's
 * `outputSchema`, from Sage's own spec (spec/accounting-v3.1-2023.openapi.json and the businesses
 * spec the sandbox serves). For each resource the component reads or writes, the definition its
 * `GET /<resource>/{key}` answers with, and every definition those records nest.
 *
 *   node scripts/output-schemas.js            rewrite src/outputSchemas.json
 *   node scripts/output-schemas.js --check    exit 1 if the committed file is stale
 *
 * The file is kept small because it ships in the bundle: each definition once, flat, its fields
 * grouped by type, `{ "Contact": { "string": ["id", ...], "Address": ["main_address", ...],
 * "Base[]": ["contact_types"] } }`. A type is a JSON type ("string", "number", "integer",
 * "boolean", "object", "array"), the name of another definition (a nested record), either with
 * "[]" (a list of them). No descriptions, formats or enums. src/util/outputSchema.ts expands a
 * definition into JSON Schema at load time, two levels deep.
 */

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUTPUT = path.join(ROOT, "src", "outputSchemas.json");
const ACCOUNTING_SPEC = path.join(ROOT, "spec", "accounting-v3.1-2023.openapi.json");
const BUSINESS_SPEC = path.join(ROOT, "sandbox", "openapi", "user-business.openapi.json");

/** The collections the component's actions answer with records of. */
const ACCOUNTING_RESOURCES = [
  "contacts",
  "contact_persons",
  "ledger_accounts",
  "sales_invoices",
  "purchase_invoices",
  "sales_credit_notes",
  "purchase_credit_notes",
  "sales_quotes",
  "sales_estimates",
  "contact_payments",
  "tax_rates",
  "address_types",
  "contact_types",
  "countries",
  "currencies",
  "ledger_account_types",
  "bank_accounts",
  "payment_methods",
  "products",
  "services",
  "journals",
  "journal_codes",
  "ledger_entries",
  "transactions",
  "other_payments",
  "bank_transfers",
  "bank_deposits",
  "stock_items",
  "contact_allocations",
  "unallocated_artefacts",
  "attachments",
];

/** @typedef {Record<string, any>} Schema */

const refName = (/** @type {string} */ ref) => ref.replace("#/definitions/", "");

/**
 * One property's flat type: "string", "Address", "Base[]" ...
 * @param {Schema} property
 * @returns {string}
 */
const flatType = (property) => {
  if (property.$ref) return refName(property.$ref);
  if (property.type === "array") {
    const items = property.items ?? {};
    return `${items.$ref ? refName(items.$ref) : (items.type ?? "object")}[]`;
  }
  // A property without a type (a few free-form fields) can hold anything; "object" is the closest.
  return property.type ?? "object";
};

/**
 * The flat form of a definition: its fields grouped by type, in the spec's order.
 * @param {Schema} definition
 */
const flatten = (definition) => {
  /** @type {Record<string, string[]>} */
  const byType = {};
  for (const [name, property] of Object.entries(definition.properties ?? {}))
    (byType[flatType(property)] ??= []).push(name);
  return byType;
};

const definitionNameOf = (/** @type {string} */ type) => (/^[A-Z]/.test(type) ? type.replace(/\[\]$/, "") : undefined);

/** The definitions of the top-level records, and those they nest (one level). */
const generate = () => {
  const accounting = JSON.parse(fs.readFileSync(ACCOUNTING_SPEC, "utf8"));
  const business = JSON.parse(fs.readFileSync(BUSINESS_SPEC, "utf8"));
  /** @type {Record<string, Record<string, string[]>>} */
  const definitions = {};
  /** @param {Schema} spec @param {string} name */
  const addOne = (spec, name) => {
    const definition = spec.definitions[name];
    if (!definition) throw new Error(`Sage's spec has no definition ${name}`);
    return (definitions[name] ??= flatten(definition));
  };
  /** A top-level record and the records it nests. @param {Schema} spec @param {string} name */
  const add = (spec, name) => {
    for (const type of Object.keys(addOne(spec, name))) {
      const nested = definitionNameOf(type);
      if (nested) addOne(spec, nested);
    }
  };
  for (const resource of ACCOUNTING_RESOURCES) {
    const answer = accounting.paths[`/${resource}/{key}`]?.get?.responses?.["200"]?.schema;
    if (!answer?.$ref) throw new Error(`Sage's spec has no GET /${resource}/{key} answering a definition`);
    add(accounting, refName(answer.$ref));
  }
  add(business, "Business");
  // Sorted, so the file is stable whatever order the resources are listed in.
  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => [name, definitions[name]]),
  );
  return `${JSON.stringify(sorted)}\n`;
};

module.exports = { generate };

if (require.main === module) {
  const text = generate();
  if (process.argv.includes("--check")) {
    const committed = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, "utf8") : "";
    if (committed !== text) {
      console.error(`${path.relative(ROOT, OUTPUT)} is stale: run npm run output-schemas`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(OUTPUT, text);
    console.error(`Wrote ${path.relative(ROOT, OUTPUT)} (${Buffer.byteLength(text)} bytes)`);
  }
}
