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
