import {
  InputError,
  isBlank,
  isSageId,
  MAX_NUMBER,
  MONEY_DECIMALS,
  optionalJson,
  quoted,
  withDecimals,
} from "./validation";

/**
 * Which line schema of Sage's a document's lines follow: "sales" (sales invoices and credit
 * notes: quantity optional, discount allowed), "purchase" (purchase invoices and credit notes:
 * quantity required, no discount), "quote" (sales quotes and estimates: quantity required,
 * discount allowed).
 */
export type LineKind = "sales" | "purchase" | "quote";

type LineFieldType = "text" | "id" | "number";

/** One field a line may carry; `K` names the line kinds of one table (invoice kinds, payment lines). */
export interface LineField<K extends string = LineKind> {
  type: LineFieldType;
  /** Line kinds Sage rejects without this field. */
  requiredFor?: K[];
  /** Line kinds whose schema has this field (default: all). */
  onlyFor?: K[];
}

// The fields a flow builder can set on a line, named and typed as in the line items of Sage's
// postSalesInvoices / postPurchaseInvoices (and the credit note, quote and estimate bodies, whose
// lines are the same). Purchase lines have no discount_amount in Sage's schema.
const LINE_FIELDS: Record<string, LineField> = {
  description: { type: "text", requiredFor: ["sales", "purchase", "quote"] },
  ledger_account_id: { type: "id", requiredFor: ["sales", "purchase", "quote"] },
  unit_price: { type: "number", requiredFor: ["sales", "purchase", "quote"] },
  quantity: { type: "number", requiredFor: ["purchase", "quote"] },
  product_id: { type: "id" },
  service_id: { type: "id" },
  tax_rate_id: { type: "id" },
  discount_amount: { type: "number", onlyFor: ["sales", "quote"] },
  tax_amount: { type: "number" },
  net_amount: { type: "number" },
  total_amount: { type: "number" },
};

export type InvoiceLine = Record<string, string | number>;

export const lineFieldsOf = <K extends string = LineKind>(
  kind: K,
  fields: Record<string, LineField<K>> = LINE_FIELDS as Record<string, LineField<K>>,
): string[] =>
  Object.entries(fields)
    .filter(([, field]) => !field.onlyFor || field.onlyFor.includes(kind))
    .map(([name]) => name);

/**
 * The Invoice Lines default: the page's template (same keys, order and values), as valid JSON.
 * Its "string" values are placeholders for Sage Ids.
 */
export const INVOICE_LINES_TEMPLATE = JSON.stringify(
  [
    {
      description: "string",
      ledger_account_id: "string",
      unit_price: 0,
      product_id: "string",
      service_id: "string",
      quantity: 0,
    },
  ],
  null,
  2,
);

const PLACEHOLDER = "string";

/**
 * A bad invoice line. Same class and prefix as every input error, but names the line (1-based,
 * and by array index for people who build the array in code) and the field at fault.
 */
export class InvoiceLineError extends InputError {
  constructor(label: string, index: number, problem: string) {
    super(label, problem, undefined, `line ${index + 1} (index ${index}): ${problem}`);
  }
}

const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export type Fail = (problem: string) => never;

const checkValue = (name: string, field: LineField<string>, value: unknown, fail: Fail): string | number => {
  const { type } = field;
  if (type === "number") {
    // Numbers as numbers: a quoted "12" usually means a mapping produced text, which is worth fixing upstream.
    // Amounts, unit prices and quantities alike: at most 2 decimal places and 1e12 (see MONEY_DECIMALS).
    const exact = typeof value === "number" && Number.isFinite(value) ? withDecimals(value, MONEY_DECIMALS) : undefined;
    return exact !== undefined && Math.abs(exact) <= MAX_NUMBER
      ? exact
      : fail(
          `"${name}" must be a number with at most ${MONEY_DECIMALS} decimal places and size up to 1e12, got ${quoted(value)}`,
        );
  }
  if (typeof value !== "string")
    return fail(`"${name}" must be ${type === "id" ? "a Sage Id" : "text"}, got ${quoted(value)}`);
  const text = value.trim();
  if (type === "id" && text === PLACEHOLDER) {
    fail(
      `"${name}" is still the template placeholder "string"; put a Sage Id there${field.requiredFor ? "" : " or remove the field"}`,
    );
  }
  if (type === "id" && !isSageId(text)) fail(`"${name}" must be a Sage Id, got ${quoted(value)}`);
  return text;
};

/**
 * One line checked against a field table: an object whose keys are all allowed fields (a camelCase
 * key is pointed at Sage's snake_case name), each of its type, the kind's required ones present.
 */
export const cleanLine = <K extends string>(
  kind: K,
  fields: Record<string, LineField<K>>,
  line: unknown,
  fail: Fail,
): InvoiceLine => {
  const allowed = lineFieldsOf(kind, fields);
  if (line === null || typeof line !== "object" || Array.isArray(line))
    return fail(`expected an object, got ${quoted(line)}`);
  const given = line as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (allowed.includes(key)) continue;
    const snake = snakeCase(key);
    if (snake !== key && allowed.includes(snake)) fail(`"${key}" is not a Sage field name; use "${snake}"`);
    fail(`unknown field "${key}"; allowed fields: ${allowed.join(", ")}`);
  }
  const cleaned: InvoiceLine = {};
  for (const name of allowed) {
    const field = fields[name];
    const value = given[name];
    if (isBlank(value)) {
      // Blank optional fields are dropped, so a mapped-but-empty product_id does not reach Sage.
      if (field.requiredFor?.includes(kind)) fail(`"${name}" is required`);
      continue;
    }
    cleaned[name] = checkValue(name, field, value, fail);
  }
  return cleaned;
};

/**
 * A lines input's cleaner: JSON text or an already-parsed array of at least one line, each
 * cleaned by `cleanOne` (which calls `fail` with the first problem, reported by line and index).
 * On update, a blank value or the untouched template means "leave the lines alone" (undefined).
 */
export const linesCleaner =
  <T>(
    label: string,
    { required, template, noun }: { required: boolean; template: string; noun: string },
    cleanOne: (line: unknown, fail: Fail) => T,
  ) =>
  (value: unknown): T[] | undefined => {
    const expected = `a JSON array of ${noun} objects`;
    const parsed = optionalJson(label)(value);
    if (parsed === undefined || (!required && JSON.stringify(parsed) === JSON.stringify(JSON.parse(template)))) {
      if (required) throw new InputError(label, `${expected}; this input is required`);
      return undefined;
    }
    if (!Array.isArray(parsed)) throw new InputError(label, expected, parsed);
    if (!parsed.length) throw new InputError(label, `at least one ${noun}`, parsed);
    return parsed.map((line, index) =>
      cleanOne(line, (problem) => {
        throw new InvoiceLineError(label, index, problem);
      }),
    );
  };

/**
 * Cleaner for an Invoice Lines input, validated line by line against Sage's line schema for the
 * invoice kind; the first bad line is reported by index and field.
 */
export const invoiceLines = (label: string, kind: LineKind, { required }: { required: boolean }) =>
  linesCleaner(label, { required, template: INVOICE_LINES_TEMPLATE, noun: "invoice line" }, (line, fail) =>
    cleanLine(kind, LINE_FIELDS, line, fail),
  );
