import { type OutputSchema, type PerformSafety } from "@prismatic-io/spectral";
import definitions from "../outputSchemas.json";

/**
 * Every action's `outputSchema` (the shape of its `data`, which the Prismatic designer offers
 * for mapping before any run) and `performSafety` (whether the designer may run it inline).
 *
 * The record shapes come from Sage's spec (src/outputSchemas.json, written by
 * scripts/output-schemas.js), as the component returns them: decimals as JSON numbers (the client
 * turns Sage's decimal strings into numbers), nested records as objects with their own fields.
 * Every field may be null or absent: Sage sends null for unset fields, and a list with blank
 * Attributes carries only id, displayed_as and $path.
 */

/** The name of a definition in src/outputSchemas.json, e.g. "Contact". */
export type DefinitionName = keyof typeof definitions;

/** A JSON Schema; Spectral's JsonSchema type is a union too strict to build one up piece by piece. */
export type JsonSchema = Record<string, unknown>;
/** Each definition's fields grouped by type: "string", "Address" (a nested record), "Base[]" (a list of them). */
const flat = definitions as Record<string, Record<string, string[]>>;

const nullable = (type: string): JsonSchema => ({ type: [type, "null"] });

/** A flat type as JSON Schema. Nested records get their own fields; theirs stay plain objects. */
const schemaOfType = (type: string, nestedLevels: number): JsonSchema => {
  if (type.endsWith("[]")) return { ...nullable("array"), items: schemaOfType(type.slice(0, -2), nestedLevels) };
  if (!/^[A-Z]/.test(type)) return nullable(type);
  return nestedLevels > 0 ? { ...nullable("object"), ...propertiesOf(type, nestedLevels - 1) } : nullable("object");
};

const propertiesOf = (name: string, nestedLevels: number): JsonSchema => {
  const fieldsByType = flat[name];
  if (!fieldsByType) throw new Error(`No output schema for ${name}: add its resource to scripts/output-schemas.js`);
  const properties: Record<string, JsonSchema> = {};
  for (const [type, fields] of Object.entries(fieldsByType)) {
    for (const field of fields) properties[field] = schemaOfType(type, nestedLevels);
  }
  return { properties };
};

const cache = new Map<string, JsonSchema>();

/** One record of a definition, as Sage's single GET answers it (nested records one level deep). */
export const recordSchema = (name: DefinitionName): JsonSchema => {
  let schema = cache.get(name);
  if (!schema) {
    schema = { type: "object", ...propertiesOf(name, 1) };
    cache.set(name, schema);
  }
  return schema;
};

const listOf = (items: JsonSchema): JsonSchema => ({ type: "array", items });

/** Sage's list envelope for one page (`$next`/`$back` are null on the last/first page). */
const pageSchema = (items: JsonSchema): JsonSchema => ({
  type: "object",
  properties: {
    $total: { type: "integer" },
    $page: { type: "integer" },
    $next: nullable("string"),
    $back: nullable("string"),
    $itemsPerPage: { type: "integer" },
    $items: listOf(items),
  },
  required: ["$total", "$page", "$items"],
});

/** Fetch All's answer: every record of every page. */
const allPagesSchema = (items: JsonSchema): JsonSchema => ({
  type: "object",
  properties: { $total: { type: "integer" }, $items: listOf(items) },
  required: ["$total", "$items"],
  // Keeps the two answers apart: a page carries $page, $next and the others too.
  additionalProperties: false,
});

/** An object the component itself builds: the fields it always sets, and those it sets sometimes. */
export const objectSchema = (
  always: Record<string, JsonSchema>,
  sometimes: Record<string, JsonSchema> = {},
): JsonSchema => ({ type: "object", properties: { ...always, ...sometimes }, required: Object.keys(always) });

export const BOOLEAN: JsonSchema = { type: "boolean" };
export const STRING: JsonSchema = { type: "string" };
export const NUMBER: JsonSchema = { type: "number" };

/** What an action returns, for the shapes every resource shares. */
export type OutputKind =
  /** one record: get, create, update, a payment */
  | "record"
  /** a list action: one page in Sage's envelope, or with Fetch All `{ $total, $items }` */
  | "list"
  /** a plain array of records (Find Contacts, List Businesses) */
  | "array";

/**
 * An action's `outputSchema`, its JSON Schema built on first read: only Prismatic reads it (when the
 * component is published), never a running flow step, and the records' schemas are large (each
 * action's, written out, ~6 KB). See src/componentOnDemand.ts.
 */
export const actionOutput = (build: () => JsonSchema): OutputSchema => {
  let schema: JsonSchema | undefined;
  return {
    type: "actionOutput",
    get schema() {
      return (schema ??= build());
    },
  };
};

/** The `outputSchema` of an action answering `kind` of the definition `name`. */
export const outputSchemaFor = (name: DefinitionName, kind: OutputKind): OutputSchema => {
  switch (kind) {
    case "record":
      return actionOutput(() => recordSchema(name));
    case "list":
      return actionOutput(() => ({ oneOf: [pageSchema(recordSchema(name)), allPagesSchema(recordSchema(name))] }));
    case "array":
      return actionOutput(() => listOf(recordSchema(name)));
  }
};

/** A delete: Sage answers 204 with no body, so the action says `{ deleted: true, id }`. */
export const deletedOutput: OutputSchema = actionOutput(() => objectSchema({ deleted: BOOLEAN, id: STRING }));

/**
 * What an action does to the customer's books. Reads (get, list, find, downloads) are `safe`:
 * the designer may run them inline to fill in reference data. Anything that writes or sends
 * whatever the builder typed (create, update, delete, void, allocate a payment, upload, Raw
 * Request) is `notAllowed`: it must never run against a customer's books from the designer.
 */
export type Operation =
  "get" | "list" | "find" | "download" | "create" | "update" | "delete" | "void" | "allocate" | "upload" | "raw";

const SAFE_OPERATIONS: ReadonlySet<Operation> = new Set(["get", "list", "find", "download"]);

export const performSafetyFor = (operation: Operation): PerformSafety =>
  SAFE_OPERATIONS.has(operation) ? "safe" : "notAllowed";
