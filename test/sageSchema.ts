import spec from "../sandbox/openapi/accounting-v3.1-2023.openapi.json";

// The one Swagger validator of the project: the sandbox judges request bodies with it, and the
// tests use the same one against the same copy of Sage's spec.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SchemaValidator } = require("../sandbox/schema") as {
  SchemaValidator: new (spec: unknown) => {
    definition: (name: string) => unknown;
    check: (schema: unknown, value: unknown) => { path: string[]; message: string }[];
  };
};

const validator = new SchemaValidator(spec);

/** Marks a key Sage's definition does not declare (the validator's wording, which Sage shares). */
const UNKNOWN = " is not an attribute of ";

/**
 * What is wrong with a request body according to a Sage definition (e.g. "postContacts"):
 * keys the schema does not have, values of the wrong type or format, required keys missing.
 * An empty list means Sage accepts every field we send.
 */
export const schemaProblems = (definition: string, body: unknown): string[] =>
  validator
    .check(validator.definition(definition), body)
    .map(({ path, message }) => `${[definition, ...path].join(".")}: ${message}`);

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
  schemaProblems(definition, body).filter((problem) => problem.includes(UNKNOWN));
