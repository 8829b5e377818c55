// Types of sandbox/parity.js for the TypeScript tests and scripts.
import type { ShapeDifference } from "./wireShape";
export interface RecordedRequest {
  name: string;
  recording: string;
  path: string;
  query: Record<string, string>;
}
export const RECORDED_REQUESTS: RecordedRequest[];
export function wireParity(
  request: RecordedRequest,
  recording: unknown,
  fetchJson: (path: string, query: Record<string, string>) => Promise<unknown>,
  id?: string,
): Promise<{ differences: ShapeDifference[]; newer: ShapeDifference[] }>;
