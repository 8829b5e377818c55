import { RESOURCES } from "../../src/resources";
import { IDEMPOTENT_RESOURCES } from "../../src/util/idempotency";
import { BASE_PATH } from "../helpers";
import { schemaProblems } from "../sageSchema";
import type { RecordedRequest } from "./propertySandbox";

/**
 * Text that appears on the wire when a program stringifies what it should not have sent
 * (`${undefined}`, String(NaN), `${{}}`). Allowed only when the user typed it themselves.
 */
const SUSPICIOUS_TOKENS = ["undefined", "NaN", "Infinity", "[object Object]"];

// Sage definition name of each resource the actions write, e.g. POST /contacts → postContacts.
const DEFINITION_OF: Record<string, string> = {
  contacts: "Contacts",
  contact_persons: "ContactPersons",
  ledger_accounts: "LedgerAccounts",
  contact_payments: "ContactPayments",
  contact_allocations: "ContactAllocations",
  // Every declared resource: sales_credit_notes → SalesCreditNotes.
  ...Object.fromEntries(
    RESOURCES.map((resource) => [
      resource.path.slice(1),
      resource.wrapper.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()) + "s",
    ]),
  ),
};

/** Every string inside the params, keys included: what the user could have typed literally. */
export const literalsOf = (value: unknown, out: string[] = []): string[] => {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => literalsOf(item, out));
  else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      out.push(key);
      literalsOf(entry, out);
    }
  }
  return out;
};

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Nulls anywhere in a JSON body: what JSON.stringify makes of NaN and Infinity, and of an unset field. */
const nullPaths = (value: unknown, path = "body"): string[] => {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, `${path}[${index}]`));
  if (typeof value === "object" && value !== undefined) {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, entry]) =>
      nullPaths(entry, `${path}.${key}`),
    );
  }
  return [];
};

/** The Sage definition a write must satisfy, or undefined when the method and path are not a known write. */
export const definitionFor = (method: string, segments: string[]): string | undefined => {
  const name = DEFINITION_OF[segments[0]];
  if (!name) return undefined;
  if (method === "POST" && segments.length === 1) return `post${name}`;
  if (method === "PUT" && segments.length === 2 && name !== "ContactPayments") return `put${name}`;
  return undefined;
};

/**
 * What is wrong with one request an action sent. `raw` relaxes the checks for Raw Request, whose
 * body and path are whatever the user asks for: it must only stay under /v3.1 on Sage's origin.
 */
export const requestProblems = (
  request: RecordedRequest,
  params: Record<string, unknown>,
  { raw = false } = {},
): string[] => {
  const problems: string[] = [];
  const where = `${request.method} ${request.path}`;
  if (!request.path.startsWith(`${BASE_PATH}/`)) problems.push(`${where}: path is outside ${BASE_PATH}/`);
  const segments = request.path.slice(BASE_PATH.length).split("/").filter(Boolean).map(safeDecode);
  if (segments.some((part) => part === "." || part === ".." || part.includes("/") || part.includes("\\"))) {
    problems.push(`${where}: a path segment is a dot segment or hides a separator`);
  }
  // POST /<resource>/<id>/release or /reissue (a declared resource's Release or Reissue action) carries no body.
  const isRelease =
    request.method === "POST" && segments.length === 3 && (segments[2] === "release" || segments[2] === "reissue");
  // GET /attachments/<id>/file: Download Attachment.
  const isFile =
    request.method === "GET" && segments.length === 3 && segments[0] === "attachments" && segments[2] === "file";
  if (!raw && !isRelease && !isFile && (segments.length < 1 || segments.length > 2)) {
    problems.push(`${where}: expected /<resource> or /<resource>/<id>`);
  }

  const literals = literalsOf(params);
  const wire = [
    ["path", segments.join("/")],
    ["query", request.query.map(([key, value]) => `${key}=${value}`).join("&")],
    ["body", request.rawBody],
  ];
  for (const [part, text] of wire) {
    for (const token of SUSPICIOUS_TOKENS) {
      if (text.includes(token) && !literals.some((literal) => literal.includes(token))) {
        problems.push(`${where}: ${part} contains ${JSON.stringify(token)} that no input held: ${text.slice(0, 300)}`);
      }
    }
  }
  for (const [key, value] of request.query) {
    if (value === "") problems.push(`${where}: query parameter ${key} is sent empty`);
  }
  if (raw) return problems;

  if (request.method === "GET" || request.method === "DELETE" || isRelease) {
    if (request.rawBody)
      problems.push(`${where}: a ${request.method} carries a body: ${request.rawBody.slice(0, 200)}`);
    return problems;
  }
  const definition = definitionFor(request.method, segments);
  if (!definition) return [...problems, `${where}: no Sage write is known for this method and path`];
  if (request.body === undefined) return [...problems, `${where}: body is not JSON: ${request.rawBody.slice(0, 200)}`];
  problems.push(...nullPaths(request.body).map((path) => `${where}: ${path} is null`));
  // The client adds Sage's idempotency_id (not in Sage's Swagger; its Idempotency guide) to the
  // wrapper of every resource that guide lists (not to an attachment's, which it does not list).
  const [wrapper] = Object.keys(request.body as object);
  const { idempotency_id: idempotencyId, ...fields } =
    (request.body as Record<string, Record<string, unknown>>)[wrapper] ?? {};
  if (IDEMPOTENT_RESOURCES.has(wrapper) !== /^[0-9a-f]{32}$/.test(String(idempotencyId)))
    problems.push(
      `${where}: ${IDEMPOTENT_RESOURCES.has(wrapper) ? "no" : "an unexpected"} 32-hex idempotency_id in ${wrapper}`,
    );
  request = { ...request, body: { [wrapper]: fields } };
  // An update may leave out what Sage requires on create; anything else Sage's schema does not accept is a defect.
  const schema = schemaProblems(definition, request.body).filter(
    (problem) => request.method !== "PUT" || !problem.endsWith("can't be blank"),
  );
  problems.push(...schema.map((problem) => `${where}: ${problem}`));
  return problems;
};
