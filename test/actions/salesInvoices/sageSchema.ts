import { readFileSync } from "node:fs";
import { join } from "node:path";

// The sandbox's byte-identical copy of Sage's published spec (see sandbox/openapi/README.md).
const SPEC_PATH = join(__dirname, "../../../sandbox/openapi/accounting-v3.1.openapi.json");

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

const spec = JSON.parse(readFileSync(SPEC_PATH, "utf8")) as { definitions: Record<string, Schema> };

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(spec.definitions[schema.$ref.replace("#/definitions/", "")]) : schema;

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === "string",
  number: (value) => typeof value === "number",
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === "boolean",
  array: Array.isArray,
  object: (value) => typeof value === "object" && value !== null && !Array.isArray(value),
};

const problemsIn = (schema: Schema, value: unknown, path: string): string[] => {
  const resolved = resolve(schema);
  if (resolved.type && TYPE_CHECKS[resolved.type] && !TYPE_CHECKS[resolved.type](value)) {
    return [`${path}: expected ${resolved.type}, got ${JSON.stringify(value)}`];
  }
  if (Array.isArray(value) && resolved.items) {
    return value.flatMap((item, index) => problemsIn(resolved.items as Schema, item, `${path}[${index}]`));
  }
  if (resolved.properties && value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, entry]) => {
      const property = resolved.properties?.[key];
      return property ? problemsIn(property, entry, `${path}.${key}`) : [`${path}.${key}: not in Sage's schema`];
    });
  }
  return [];
};

/**
 * Every key of a request body that Sage's definition (postSalesInvoices, putLedgerAccounts, ...)
 * does not have, or whose value has the wrong JSON type. An empty list means the body fits.
 */
export const schemaProblems = (definition: string, body: unknown): string[] => {
  const schema = spec.definitions[definition];
  if (!schema) throw new Error(`No definition ${definition} in Sage's spec`);
  return problemsIn(schema, body, definition);
};
