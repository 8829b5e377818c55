// Types of sandbox/wireShape.js for the TypeScript tests and scripts.
export type WireType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";
export interface ShapeDifference {
  path: string;
  kind: "missing" | "extra" | "type";
  expected?: WireType;
  actual?: WireType;
}
export function wireType(value: unknown): WireType;
export function shapeOf(value: unknown, path?: string, out?: Map<string, WireType>): Map<string, WireType>;
export function compareShapes(reference: unknown, actual: unknown): ShapeDifference[];
/** Differences between answers holding different records: wire differences, newer keys of `actual`, and keys one side could not show (below a null or an empty array). */
export function classifyDifferences(
  reference: unknown,
  actual: unknown,
): { differences: ShapeDifference[]; newer: ShapeDifference[]; unseen: ShapeDifference[] };
