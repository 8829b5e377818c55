import { COLLECTIONS, DEFINITIONS, FIELDS } from "../generated/sageNumberFields";

/**
 * Sage sends every field its spec types `number` as a decimal string ("total_amount": "6011.4",
 * "credit_limit": "6000.0"). A flow that adds or compares those would be wrong without an error, so
 * the shared client turns exactly those fields into JSON numbers, driven by the table generated from
 * Sage's spec (scripts/sage-number-fields.js): integer fields are already numbers, and string fields
 * that only look numeric (account_number, sort_code, reference, postal codes, phone numbers) are
 * never in the table, so they are never touched.
 */

interface NumberFields {
  numbers: string[];
  nested: [field: string, definition: string][];
}

const names = FIELDS.split(",");
const definitions = new Map<string, NumberFields>(
  Object.entries(DEFINITIONS).map(([definition, encoded]) => {
    const [numbers, nested] = encoded.split("|");
    return [
      definition,
      {
        numbers: numbers ? numbers.split(",").map((index) => names[Number(index)]) : [],
        nested: nested
          ? nested.split(",").map((entry) => {
              const [index, child] = entry.split(":");
              return [names[Number(index)], child] as [string, string];
            })
          : [],
      },
    ];
  }),
);

/** A decimal string as Sage writes it ("-12.5", "6000.0") becomes a number; anything else is kept. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const toNumber = (value: unknown): unknown =>
  typeof value === "string" && DECIMAL.test(value.trim()) ? Number(value) : value;

const convert = (value: unknown, definition: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => convert(item, definition));
  const fields = definitions.get(definition);
  if (!fields || value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  for (const field of fields.numbers) {
    const current = record[field];
    if (current !== undefined) record[field] = Array.isArray(current) ? current.map(toNumber) : toNumber(current);
  }
  for (const [field, child] of fields.nested) {
    if (record[field] !== undefined) record[field] = convert(record[field], child);
  }
  return record;
};

/** The collection a request path addresses: "/sales_invoices/abc/release?x=1" → "sales_invoices". */
const collectionOf = (path: string): string => {
  const withoutOrigin = path.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/^\/v3\.1(?=\/)/, "");
  return withoutOrigin.split(/[/?#]/).find(Boolean) ?? "";
};

/**
 * The body of a Sage JSON answer to `path` with every `number` field a JSON number: one record,
 * a list envelope (`$items`) or an array of records. Changes the parsed body in place.
 */
export const sageNumbersToJson = (path: string, body: unknown): unknown => {
  const definition = COLLECTIONS[collectionOf(path)];
  if (!definition || body === null || typeof body !== "object") return body;
  if (!Array.isArray(body) && Array.isArray((body as { $items?: unknown }).$items)) {
    convert((body as { $items: unknown[] }).$items, definition);
    return body;
  }
  return convert(body, definition);
};
