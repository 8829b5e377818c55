/**
 * A tiny JSON Schema checker for the keywords the component's output schemas use: type (one or a
 * list; "integer" is a whole number), properties, required, additionalProperties: false, items
 * and oneOf. Returns every
 * mismatch as "path: problem", so a failing test says which field is wrong.
 */
export type Schema = Record<string, unknown>;

const typeOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

const hasType = (value: unknown, type: string): boolean =>
  type === "integer" ? Number.isInteger(value) : typeOf(value) === type;

export const schemaErrors = (schema: Schema, value: unknown, at = "data"): string[] => {
  if (Array.isArray(schema.oneOf)) {
    const matching = (schema.oneOf as Schema[]).filter((option) => schemaErrors(option, value, at).length === 0);
    return matching.length === 1 ? [] : [`${at}: matches ${matching.length} of the oneOf schemas, not exactly 1`];
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) return [`${at}: ${typeOf(value)} is not ${types.join(" or ")}`];
  }
  const errors: string[] = [];
  if (typeOf(value) === "object") {
    const record = value as Record<string, unknown>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in record)) errors.push(`${at}.${name}: required but absent`);
    }
    const properties = (schema.properties as Record<string, Schema>) ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (name in record) errors.push(...schemaErrors(property, record[name], `${at}.${name}`));
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(record)) if (!(name in properties)) errors.push(`${at}.${name}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => errors.push(...schemaErrors(schema.items as Schema, item, `${at}[${index}]`)));
  }
  return errors;
};
