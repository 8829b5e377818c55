// @ts-check
"use strict";

/**
 * A small generic Swagger 2.0 schema validator: enough of the keywords Sage's spec uses
 * ($ref, type, format date/date-time, required, properties, items, minimum, maximum,
 * maxLength, minLength, enum) to judge a request body the way Sage does. Properties a schema
 * does not declare are refused, so a body key that is not in Sage's schema fails loudly here
 * instead of being silently dropped by the real API.
 */

/** @typedef {{ $severity: "error", $dataCode: string, $message: string, $source: string }} SageError */
/** @typedef {Record<string, any>} Schema */

/** "invoice_lines" → "Invoice lines", as Rails (and so Sage) words an attribute in a message. */
const humanize = (/** @type {string} */ name) => {
  const text = name
    .replace(/_ids?$/, "")
    .replace(/_/g, " ")
    .trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "Value";
};

/** One entry of Sage's error array. */
const sageError = (/** @type {string} */ source, /** @type {string} */ message, dataCode = "RecordInvalid") =>
  /** @type {SageError} */ ({ $severity: "error", $dataCode: dataCode, $message: message, $source: source });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A real calendar date in YYYY-MM-DD (2026-02-30 is refused). */
const isDate = (/** @type {string} */ text) => {
  if (!DATE.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
};

const isDateTime = (/** @type {string} */ text) =>
  (DATE_TIME.test(text) || isDate(text)) && !Number.isNaN(Date.parse(text));

const typeOf = (/** @type {unknown} */ value) => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
};

const isBlank = (/** @type {unknown} */ value) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

class SchemaValidator {
  /** @param {{ definitions?: Record<string, Schema> }} spec */
  constructor(spec) {
    this.spec = spec;
  }

  /** Follow $ref chains to the schema they name. */
  resolve(/** @type {Schema} */ schema) {
    let current = schema;
    for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
      if (hops > 32) throw new Error(`$ref loop at ${schema.$ref}`);
      const match = /^#\/definitions\/(.+)$/.exec(current.$ref);
      const target = match ? this.spec.definitions?.[match[1]] : undefined;
      if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
      current = target;
    }
    return current;
  }

  /** A named definition (postContacts, putSalesInvoices ...). */
  definition(/** @type {string} */ name) {
    const schema = this.spec.definitions?.[name];
    if (!schema) throw new Error(`No definition ${name} in the spec`);
    return schema;
  }

  /**
   * Every violation of `schema` by `value`, each with its dotted path ("invoice_lines.0.unit_price").
   * @param {Schema} schema
   * @param {unknown} value
   * @param {string[]} [path]
   * @returns {{ path: string[], message: string }[]}
   */
  check(schema, value, path = []) {
    const resolved = this.resolve(schema);
    const name = path.length ? String(path[path.length - 1]) : "body";
    const label = /^\d+$/.test(name) ? `Item ${name}` : humanize(name);
    /** @type {{ path: string[], message: string }[]} */
    const problems = [];
    const fail = (/** @type {string} */ message) => problems.push({ path, message });
    // Optional fields may be sent as null to clear them, as Sage (a Rails API) allows.
    if (value === null) return problems;
    const actual = typeOf(value);
    const expected = resolved.type ?? (resolved.properties ? "object" : undefined);
    switch (expected) {
      case "object": {
        if (actual !== "object") return [{ path, message: `${label} must be an object (got ${actual})` }];
        const record = /** @type {Record<string, unknown>} */ (value);
        const properties = resolved.properties ?? {};
        for (const required of resolved.required ?? []) {
          if (isBlank(record[required]))
            problems.push({ path: [...path, required], message: `${humanize(required)} can't be blank` });
        }
        for (const [key, child] of Object.entries(record)) {
          if (child === undefined) continue;
          if (!Object.prototype.hasOwnProperty.call(properties, key)) {
            problems.push({
              path: [...path, key],
              message: `${key} is not an attribute of ${path.length ? name : "this request"}`,
            });
            continue;
          }
          if ((resolved.required ?? []).includes(key) && isBlank(child)) continue;
          problems.push(...this.check(properties[key], child, [...path, key]));
        }
        return problems;
      }
      case "array": {
        if (actual !== "array") return [{ path, message: `${label} must be an array (got ${actual})` }];
        const items = /** @type {unknown[]} */ (value);
        if (resolved.items)
          items.forEach((item, index) => problems.push(...this.check(resolved.items, item, [...path, String(index)])));
        return problems;
      }
      case "integer":
        if (actual !== "integer")
          return [{ path, message: `${label} must be a whole number (got ${actual === "number" ? value : actual})` }];
        break;
      case "number":
        if (actual !== "integer" && actual !== "number")
          return [{ path, message: `${label} must be a number (got ${actual})` }];
        if (!Number.isFinite(value)) fail(`${label} must be a finite number`);
        break;
      case "boolean":
        if (actual !== "boolean") return [{ path, message: `${label} must be true or false (got ${actual})` }];
        break;
      case "string": {
        if (actual !== "string") return [{ path, message: `${label} must be a string (got ${actual})` }];
        const text = /** @type {string} */ (value);
        if (resolved.format === "date" && !isDate(text))
          fail(`${label} must be a date in the format YYYY-MM-DD (got "${text}")`);
        if (resolved.format === "date-time" && !isDateTime(text))
          fail(`${label} must be an ISO 8601 date-time (got "${text}")`);
        if (typeof resolved.maxLength === "number" && text.length > resolved.maxLength)
          fail(`${label} is too long (maximum is ${resolved.maxLength} characters)`);
        if (typeof resolved.minLength === "number" && text.length < resolved.minLength)
          fail(`${label} is too short (minimum is ${resolved.minLength} characters)`);
        break;
      }
      default:
        // An untyped schema accepts anything.
        break;
    }
    if (typeof value === "number") {
      if (typeof resolved.minimum === "number" && value < resolved.minimum)
        fail(`${label} must be greater than or equal to ${resolved.minimum}`);
      if (typeof resolved.maximum === "number" && value > resolved.maximum)
        fail(`${label} must be less than or equal to ${resolved.maximum}`);
    }
    if (Array.isArray(resolved.enum) && !resolved.enum.includes(value))
      fail(`${label} must be one of ${resolved.enum.join(", ")}`);
    return problems;
  }

  /**
   * Validate a wrapped request body against a named definition. `$source` paths are relative to
   * the wrapper ("name", "invoice_lines.0.unit_price"), as Sage reports them.
   * @param {string} definitionName e.g. "postContacts"
   * @param {string} wrapper e.g. "contact"
   * @param {unknown} body
   * @returns {SageError[]}
   */
  validateBody(definitionName, wrapper, body) {
    const problems = this.check(this.definition(definitionName), body, []);
    return problems.map(({ path, message }) => {
      const inner = path[0] === wrapper ? path.slice(1) : path;
      return sageError(inner.length ? inner.join(".") : path.join("."), message);
    });
  }
}

module.exports = { SchemaValidator, sageError, humanize, isDate, isDateTime };
