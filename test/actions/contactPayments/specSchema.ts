import { readFileSync } from "node:fs";
import { join } from "node:path";

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema };

const spec = JSON.parse(
  readFileSync(join(__dirname, "../../../sandbox/openapi/accounting-v3.1.openapi.json"), "utf8"),
) as { definitions: Record<string, Schema> };

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(spec.definitions[schema.$ref.replace("#/definitions/", "")]) : schema;

/** Every key path of `value` that Sage's definition does not declare (empty when the body fits). */
export const keysMissingFrom = (definition: string, value: unknown): string[] => {
  const walk = (schema: Schema, node: unknown, at: string): string[] => {
    const resolved = resolve(schema);
    if (Array.isArray(node)) return node.flatMap((item, i) => walk(resolved.items ?? {}, item, `${at}[${i}]`));
    if (node === null || typeof node !== "object") return [];
    return Object.entries(node).flatMap(([key, child]) => {
      const property = resolved.properties?.[key];
      const path = at ? `${at}.${key}` : key;
      return property ? walk(property, child, path) : [path];
    });
  };
  const root = spec.definitions[definition];
  if (!root) throw new Error(`no definition ${definition} in the spec`);
  return walk(root, value, "");
};
