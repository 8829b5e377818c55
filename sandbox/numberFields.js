// @ts-check
"use strict";

/**
 * Which fields of Sage's records the spec types `number`, derived from the spec itself (never from
 * key names): Sage sends those as decimal strings ("6011.4"), while `integer` fields stay integers
 * and `string` fields that look numeric (account_number, sort_code, postal codes) stay strings.
 *
 * One derivation, two users: the sandbox writes these fields as Sage does (index.js), and
 * scripts/sage-number-fields.js writes the same table into src/generated/sageNumberFields.ts,
 * from which the component turns them back into JSON numbers.
 */

/**
 * @typedef {object} NumberFieldTable
 * @property {Record<string, string>} collections  collection (first path segment) → definition
 * @property {Record<string, [string[], Record<string, string>]>} definitions
 *   definition → [its `number` fields, { field: definition } for nested records or arrays of them
 *   that hold number fields somewhere below]
 */

const refName = (/** @type {any} */ schema) => {
  const ref = schema?.$ref ?? (schema?.type === "array" ? schema.items?.$ref : undefined);
  return typeof ref === "string" ? ref.replace("#/definitions/", "") : undefined;
};

const isNumber = (/** @type {any} */ schema) =>
  schema?.type === "number" || (schema?.type === "array" && schema.items?.type === "number");

/**
 * @param {any} spec  a Swagger 2.0 document (Sage's accounting spec)
 * @returns {NumberFieldTable}
 */
const numberFieldTable = (spec) => {
  const definitions = spec.definitions ?? {};
  /** @type {Record<string, string>} */
  const collections = {};
  // A collection's records: what GET /{collection} lists, else what GET /{collection}/{key} returns.
  for (const [path, operations] of Object.entries(spec.paths ?? {})) {
    const segments = path.split("/").filter(Boolean);
    if (segments.length > 2 || (segments.length === 2 && !segments[1].startsWith("{"))) continue;
    const definition = refName(/** @type {any} */ (operations).get?.responses?.["200"]?.schema);
    if (!definition || definition === "Base") continue;
    if (segments.length === 1 || !collections[segments[0]]) collections[segments[0]] = definition;
  }
  /** @type {Map<string, boolean>} */
  const holdsNumbers = new Map();
  const visit = (/** @type {string} */ name) => {
    if (holdsNumbers.has(name)) return holdsNumbers.get(name);
    holdsNumbers.set(name, false); // a cycle adds nothing new
    const properties = Object.values(definitions[name]?.properties ?? {});
    let holds = properties.some(isNumber);
    for (const property of properties) {
      const nested = refName(property);
      if (nested && visit(nested)) holds = true;
    }
    holdsNumbers.set(name, holds);
    return holds;
  };
  /** @type {NumberFieldTable["definitions"]} */
  const table = {};
  const add = (/** @type {string} */ name) => {
    if (name in table || !visit(name)) return;
    /** @type {string[]} */
    const numbers = [];
    /** @type {Record<string, string>} */
    const nested = {};
    table[name] = [numbers, nested];
    for (const [field, property] of Object.entries(definitions[name]?.properties ?? {})) {
      if (isNumber(property)) numbers.push(field);
      const child = refName(property);
      if (child && visit(child)) {
        nested[field] = child;
        add(child);
      }
    }
  };
  for (const [collection, definition] of Object.entries(collections)) {
    if (visit(definition)) add(definition);
    else delete collections[collection];
  }
  return { collections, definitions: table };
};

/**
 * Walk a Sage answer (a record, a list envelope, or an array) of `collection` and replace the value
 * of every `number` field with `convert(value)`. Returns a new value; the input is not changed.
 * @param {NumberFieldTable} table
 * @param {string} collection
 * @param {unknown} body
 * @param {(value: unknown) => unknown} convert
 */
const mapNumberFields = (table, collection, body, convert) => {
  const root = table.collections[collection];
  if (!root) return body;
  /** @returns {unknown} */
  const walk = (/** @type {unknown} */ value, /** @type {string} */ definition) => {
    if (Array.isArray(value)) return value.map((item) => walk(item, definition));
    if (value === null || typeof value !== "object") return value;
    const [numbers, nested] = table.definitions[definition] ?? [[], {}];
    /** @type {Record<string, unknown>} */
    const out = { ...value };
    for (const field of numbers) {
      if (field in out) out[field] = Array.isArray(out[field]) ? out[field].map(convert) : convert(out[field]);
    }
    for (const [field, child] of Object.entries(nested)) if (field in out) out[field] = walk(out[field], child);
    return out;
  };
  if (body && typeof body === "object" && !Array.isArray(body) && "$items" in body) {
    return { ...body, $items: walk(/** @type {{ $items: unknown }} */ (body).$items, root) };
  }
  return walk(body, root);
};

/**
 * A number as Sage writes a decimal (Ruby's BigDecimal#to_s as the recordings show it): at least one
 * decimal place, no exponent: 6000 → "6000.0", 5009.5 → "5009.5", 0.07 → "0.07".
 */
const sageDecimal = (/** @type {unknown} */ value) => {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  if (Number.isInteger(value)) return value.toFixed(1);
  const text = String(value);
  return text.includes("e") ? value.toFixed(20).replace(/0+$/, "") : text;
};

module.exports = { numberFieldTable, mapNumberFields, sageDecimal };
