import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The repo's copy of Sage's published Swagger file (byte-identical to the upstream one).
const SPEC_PATH = resolve(__dirname, "../sandbox/openapi/accounting-v3.1-2023.openapi.json");

interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
}

const spec = JSON.parse(readFileSync(SPEC_PATH, "utf8")) as { definitions: Record<string, SchemaNode> };

const resolveRef = (node: SchemaNode): SchemaNode => {
  let current = node;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace("#/definitions/", "");
    const target = spec.definitions[name];
    if (!target) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
};

const typeOk = (schemaType: string | undefined, value: unknown): boolean => {
  switch (schemaType) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
    case undefined:
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return false;
  }
};

/**
 * What is wrong with a request body according to a Sage definition (e.g. "postContacts"):
 * keys the schema does not have, values of the wrong type, required keys missing. Nested
 * objects and array items are walked through their $refs. An empty list means Sage knows
 * every field we send.
 */
export const schemaProblems = (definition: string, body: unknown): string[] => {
  const root = spec.definitions[definition];
  if (!root) throw new Error(`no definition ${definition} in ${SPEC_PATH}`);
  const problems: string[] = [];
  const walk = (node: SchemaNode, value: unknown, path: string) => {
    const schema = resolveRef(node);
    if (!typeOk(schema.type, value)) {
      problems.push(`${path}: expected ${schema.type ?? "object"}, got ${JSON.stringify(value)}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(schema.items ?? {}, item, `${path}[${index}]`));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    for (const key of schema.required ?? []) {
      if (!(key in value)) problems.push(`${path}.${key}: required by Sage but missing`);
    }
    for (const [key, entry] of Object.entries(value)) {
      const property = schema.properties?.[key];
      if (!property) problems.push(`${path}.${key}: not in Sage's schema`);
      else walk(property, entry, `${path}.${key}`);
    }
  };
  walk(root, body, definition);
  return problems;
};

/** Every key path of a body ("contact.main_address.city"), to show a walk covered them all. */
export const keyPaths = (value: unknown, prefix = ""): string[] => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(entry, path)];
  });
};

/** Only the keys Sage's definition does not declare: for response payloads, whose types Sage's spec words loosely. */
export const unknownKeys = (definition: string, body: unknown): string[] =>
  schemaProblems(definition, body).filter((problem) => problem.endsWith("not in Sage's schema"));
