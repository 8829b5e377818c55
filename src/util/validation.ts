import { isValid, parseISO } from "date-fns";

/**
 * A bad input value, caught before any request is sent. The message names the input by
 * its label (as the flow builder sees it) and says what was expected.
 */
export class InputError extends Error {
  /**
   * @param expected what the input should hold ("a whole number from 1 to 200")
   * @param value what it held; quoted in the message, shortened
   * @param detail a complete description instead of "expected …", for errors inside structured values
   */
  constructor(
    readonly inputLabel: string,
    expected: string,
    value?: unknown,
    detail?: string,
  ) {
    super(`Invalid "${inputLabel}": ${detail ?? `expected ${expected}${describeValue(value)}`}.`);
    this.name = "InputError";
  }
}

/** A value as an error message shows it: JSON-quoted and shortened. */
export const quoted = (value: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const describeValue = (value: unknown): string => (value === undefined ? "" : `, got ${quoted(value)}`);

/**
 * A cleaner that says what it accepts ("a whole number from 0 to 365"): Spectral keeps `clean`
 * on the built inputs, so docs/actions.md and `npm start -- --help <action>` show it.
 */
export const accepting = <T extends (value: unknown) => unknown>(accepts: string, clean: T): T & { accepts: string } =>
  Object.assign(clean, { accepts });

export const isBlank = (value: unknown): value is undefined | null | "" =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * The text of a filled-in input. A number or a boolean mapped from an earlier step is taken as
 * its text; an object, a list, NaN or Infinity has no meaningful text and would reach Sage as
 * "[object Object]", "a,b" or "NaN", so it is refused.
 */
const textOf = (label: string, value: unknown): string => {
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") return String(value);
  throw new InputError(label, "text", value);
};

/** Optional text: blank becomes undefined (not sent), anything else is kept as a string. */
export const optionalString = (label: string) =>
  accepting("text", (value: unknown): string | undefined => (isBlank(value) ? undefined : textOf(label, value)));

/** Text matched or filtered on: surrounding spaces would make an exact match fail. */
export const optionalTrimmed = (label: string) =>
  accepting("text", (value: unknown): string | undefined =>
    isBlank(value) ? undefined : textOf(label, value).trim() || undefined,
  );

export const requiredString = (label: string) =>
  accepting("text", (value: unknown): string => {
    if (isBlank(value)) throw new InputError(label, "a value; this input is required");
    return textOf(label, value).trim();
  });

// Sage ids are hex GUIDs or upper-case keys (GBP, CUSTOMER, GB); anything that could change
// the request path (slashes, dot segments, query or fragment marks) is refused outright.
const ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_.:-]*$/;

const ID_EXPECTED = "a Sage Id (letters, digits, '-', '_', '.' or ':')";
const ID_LIST_EXPECTED = "Sage Ids: a list, a JSON array or comma-separated";

export const isSageId = (value: string): boolean => ID_PATTERN.test(value);

export const requiredId = (label: string) =>
  accepting(ID_EXPECTED, (value: unknown): string => {
    const id = requiredString(label)(value);
    if (!isSageId(id)) {
      throw new InputError(label, ID_EXPECTED, value);
    }
    return id;
  });

export const optionalId = (label: string) =>
  accepting(ID_EXPECTED, (value: unknown): string | undefined =>
    isBlank(value) ? undefined : requiredId(label)(value),
  );

interface IntegerBounds {
  min?: number;
  max?: number;
}

const boundsText = ({ min, max }: IntegerBounds): string =>
  min !== undefined && max !== undefined
    ? ` from ${min} to ${max}`
    : min !== undefined
      ? ` of at least ${min}`
      : max !== undefined
        ? ` of at most ${max}`
        : "";

export const optionalInteger = (label: string, bounds: IntegerBounds = {}) =>
  accepting(`a whole number${boundsText(bounds)}`, (value: unknown): number | undefined => {
    if (isBlank(value)) return undefined;
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const parsed = /^[-+]?\d+$/.test(text) ? Number(text) : NaN;
    if (
      !Number.isSafeInteger(parsed) ||
      (bounds.min !== undefined && parsed < bounds.min) ||
      (bounds.max !== undefined && parsed > bounds.max)
    ) {
      throw new InputError(label, `a whole number${boundsText(bounds)}`, value);
    }
    return parsed;
  });

export const requiredInteger = (label: string, bounds: IntegerBounds = {}) => {
  const clean = optionalInteger(label, bounds);
  return accepting(`a whole number${boundsText(bounds)}`, (value: unknown): number => {
    const parsed = clean(value);
    if (parsed === undefined)
      throw new InputError(label, `a whole number${boundsText(bounds)}; this input is required`);
    return parsed;
  });
};

interface NumberRules {
  /** Strictly greater than zero (payments). */
  positive?: boolean;
  /** Zero or more (prices, limits). */
  nonNegative?: boolean;
  /** Most decimal places allowed (default MONEY_DECIMALS). */
  decimals?: number;
}

/** Largest magnitude of a money amount or quantity: far above any real invoice, far below where doubles lose cents. */
export const MAX_NUMBER = 1e12;

/**
 * Sage keeps money to 2 decimal places and rounds a longer unit price or tax amount itself
 * (Sage's API team in Sage/sageone_api_php_sample#19), so an invoice total would silently differ
 * from the system that sent it. More decimals are refused, naming the input, rather than rounded
 * here: the flow rounds where its business rule lives, and a payment of 100.001 never passes as
 * 100.00. Quantities get the same 2 places: Sage's spec types them as plain doubles with no stated
 * precision, so 2 is this component's choice, refused beyond so nothing is changed silently.
 */
export const MONEY_DECIMALS = 2;

/**
 * The value with at most `decimals` places, or undefined when it has more. A tolerance of a few
 * units in the last place lets 0.1 + 0.2 (0.30000000000000004) from an upstream step count as 0.3.
 */
export const withDecimals = (value: number, decimals: number): number | undefined => {
  const rounded = Number(value.toFixed(decimals));
  return Math.abs(rounded - value) <= Math.max(1, Math.abs(value)) * Number.EPSILON * 4 ? rounded : undefined;
};

const numberText = (rules: NumberRules): string =>
  rules.positive ? "a positive number" : rules.nonNegative ? "a number of 0 or more" : "a number";

/** Money and quantities: finite numbers, numeric strings accepted ("12.50"), at most 1e12 and 2 decimal places. */
export const optionalNumber = (label: string, rules: NumberRules = {}) =>
  accepting(
    `${numberText(rules)} with at most ${rules.decimals ?? MONEY_DECIMALS} decimal places`,
    (value: unknown): number | undefined => {
      if (isBlank(value)) return undefined;
      const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
      const parsed = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
      const sign = numberText(rules);
      const decimals = rules.decimals ?? MONEY_DECIMALS;
      const exact = Number.isFinite(parsed) ? withDecimals(parsed, decimals) : undefined;
      if (
        exact === undefined ||
        Math.abs(exact) > MAX_NUMBER ||
        (rules.positive && exact <= 0) ||
        (rules.nonNegative && exact < 0)
      ) {
        throw new InputError(
          label,
          `${sign} such as 12.50 (at most ${decimals} decimal places, size up to 1e12)`,
          value,
        );
      }
      return exact;
    },
  );

export const requiredNumber = (label: string, rules: NumberRules = {}) => {
  const clean = optionalNumber(label, rules);
  return accepting(numberText(rules), (value: unknown): number => {
    const parsed = clean(value);
    if (parsed === undefined) throw new InputError(label, "a number such as 12.50; this input is required");
    return parsed;
  });
};

/** A boolean input: true/false (or "true"/"false"); blank is undefined so update actions can leave a flag alone. */
export const optionalBoolean = (label: string) =>
  accepting("true or false", (value: unknown): boolean | undefined => {
    if (isBlank(value)) return undefined;
    if (typeof value === "boolean") return value;
    if (typeof value !== "string") throw new InputError(label, "true or false", value);
    const text = value.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    throw new InputError(label, "true or false", value);
  });

export const booleanWithDefault = (label: string, fallback: boolean) => {
  const clean = optionalBoolean(label);
  return accepting("true or false", (value: unknown): boolean => clean(value) ?? fallback);
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// ISO-8601 date-time with optional seconds, fraction and zone (Z or ±hh:mm / ±hhmm).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const parseIsoText = (label: string, value: unknown, expected: string): string => {
  const text = typeof value === "string" ? value.trim() : value instanceof Date ? value.toISOString() : "";
  if ((!DATE_ONLY.test(text) && !DATE_TIME.test(text)) || !isValid(parseISO(text))) {
    throw new InputError(label, expected, value);
  }
  // parseISO rolls 2026-02-30 over to March; Sage would reject it, so do we.
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new InputError(label, expected, value);
  return text;
};

const DATE_TIME_EXPECTED = "a date (YYYY-MM-DD) or an ISO-8601 date-time (YYYY-MM-DDThh:mm:ssZ)";

/** `updated_or_created_since` and friends: a date (2026-01-31) or an ISO-8601 date-time, sent as given. */
export const optionalDateTime = (label: string) =>
  accepting(DATE_TIME_EXPECTED, (value: unknown): string | undefined =>
    isBlank(value) ? undefined : parseIsoText(label, value, DATE_TIME_EXPECTED),
  );

const DATE_EXPECTED = "a date as YYYY-MM-DD (an ISO-8601 timestamp is also accepted; its date part is sent)";

/** Invoice and payment dates: Sage wants YYYY-MM-DD; a timestamp is cut to its own calendar date. */
export const optionalDate = (label: string) =>
  accepting(DATE_EXPECTED, (value: unknown): string | undefined =>
    isBlank(value) ? undefined : parseIsoText(label, value, DATE_EXPECTED).slice(0, 10),
  );

export const requiredDate = (label: string) =>
  accepting(DATE_EXPECTED, (value: unknown): string => {
    if (isBlank(value)) throw new InputError(label, `${DATE_EXPECTED}; this input is required`);
    return parseIsoText(label, value, DATE_EXPECTED).slice(0, 10);
  });

/** JSON input given as text or as an already-parsed value (from a previous step). */
export const optionalJson = (label: string) =>
  accepting("JSON", (value: unknown): unknown => {
    if (isBlank(value)) return undefined;
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch (error) {
      throw new InputError(label, `valid JSON (${(error as Error).message})`);
    }
  });

/** A JSON array of objects, e.g. invoice lines. */
export const optionalJsonObjectArray = (label: string) =>
  accepting("a JSON array of objects", (value: unknown): Record<string, unknown>[] | undefined => {
    const parsed = optionalJson(label)(value);
    if (parsed === undefined) return undefined;
    if (!Array.isArray(parsed)) throw new InputError(label, "a JSON array of objects", value);
    parsed.forEach((item, index) => {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw new InputError(label, `an object at index ${index}`, item);
      }
    });
    return parsed as Record<string, unknown>[];
  });

/**
 * A list of ids: a value list from the designer, a JSON array, or comma-separated text.
 * Each entry must be an id; blanks are dropped.
 */
export const optionalIdList = (label: string) =>
  accepting(ID_LIST_EXPECTED, (value: unknown): string[] | undefined => {
    if (isBlank(value)) return undefined;
    let items: unknown[];
    if (Array.isArray(value)) items = value;
    else if (typeof value === "string" && value.trim().startsWith("[")) {
      const parsed = optionalJson(label)(value);
      if (!Array.isArray(parsed)) throw new InputError(label, "a list of Ids", value);
      items = parsed;
    } else if (typeof value === "string") items = value.split(",");
    else throw new InputError(label, "a list of Ids", value);
    const ids = items.filter((item) => !isBlank(item)).map((item) => requiredId(label)(item));
    return ids.length ? ids : undefined;
  });

/** A list of ids Sage requires at least one of (contact types, contact person types). */
export const requiredIdList = (label: string) => {
  const clean = optionalIdList(label);
  return accepting(ID_LIST_EXPECTED, (value: unknown): string[] => {
    const ids = clean(value);
    if (!ids) throw new InputError(label, "at least one Id; this input is required");
    return ids;
  });
};
