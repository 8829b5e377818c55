/**
 * Drop what was not filled in: undefined and null values, and nested objects left empty,
 * so an update sends only the fields the user set. false, 0 and [] are kept: they are values.
 */
export const compact = <T extends Record<string, unknown>>(value: T): Partial<T> => {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) continue;
    if (isPlainObject(entry)) {
      const nested = compact(entry);
      if (Object.keys(nested).length) result[key] = nested;
      continue;
    }
    result[key] = entry;
  }
  return result as Partial<T>;
};

/** A JSON object literal (not an array, a Buffer or a class instance). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** A section (an address, bank details) that is sent only when at least one of its fields is filled. */
export const section = <T extends Record<string, unknown>>(fields: T): Partial<T> | undefined => {
  const filled = compact(fields);
  return Object.keys(filled).length ? filled : undefined;
};

/** Text equal to `expected` ignoring case: what a flow means by "the same" email, reference or item code. */
export const sameText = (value: unknown, expected: string): boolean =>
  typeof value === "string" && value.toLowerCase() === expected.toLowerCase();
