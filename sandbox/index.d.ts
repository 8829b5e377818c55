// Types of sandbox/index.js for the TypeScript tests (the sandbox itself is plain JS with JSDoc).

export type FaultKind = "500" | "503" | "429" | "slow" | "drop";
export type FaultWhen = "before" | "after";

export interface FaultOptions {
  /** Probability (0–1) that a matching request gets a fault. */
  rate?: number;
  /** Drawn uniformly; default all five. */
  kinds?: FaultKind[];
  /** PRNG seed: the same requests get the same faults on every run (default 1). */
  seed?: number;
  /** Before processing (nothing happened) or after (the write happened, the answer is lost). Default "before"; 429 is always before. */
  when?: FaultWhen | "random";
  /** How long "slow" holds the request (default 3000 ms). */
  slowMs?: number;
  /** Only these methods get faults. */
  methods?: string[];
  /** Only these paths (relative to /v3.1): a string is a prefix, a RegExp is tested. */
  paths?: (string | RegExp)[];
  /** Scripted faults for the next matching requests (null = none), consumed before `rate` applies. */
  sequence?: (null | FaultKind | { kind: FaultKind; when?: FaultWhen })[];
}

export interface RateLimitOptions {
  limit: number;
  /** Default 60000. */
  windowMs?: number;
  /** false: the 429 carries no Retry-After header (no source shows Sage sending one). Default true. */
  retryAfter?: boolean;
}

export interface SandboxOptions {
  /** Default 0: a random free port on 127.0.0.1. */
  port?: number;
  /** The one accepted bearer token; default random per start. */
  token?: string;
  /** Keep the records in this JSON file across runs (atomic writes). */
  dataFile?: string;
  rateLimit?: RateLimitOptions | null;
  faults?: FaultOptions | null;
  latencyMs?: number;
  /** Clock for created_at/updated_at, filters and the rate-limit window. */
  now?: () => Date;
  /** Requests kept in the log (default 10000). */
  logLimit?: number;
  /** false: every authenticated call gets Sage's 401 "No active subscription. (MSE)". Default true. */
  subscriptionActive?: boolean;
  /** false: the business is not on Accounting Plus, so /stock_items is refused; default true. */
  accountingPlus?: boolean;
}

export interface SageError {
  $severity: "error";
  $dataCode: string;
  $message: string;
  $source: string;
}

export interface LogEntry {
  seq: number;
  at: string;
  method: string;
  /** Relative to /v3.1, e.g. "/contacts/abc". */
  path: string;
  /** The request target as sent: path (from the origin, still percent-encoded) and query string, repeats and order kept. */
  target: string;
  query: Record<string, string>;
  /** Lower-case names; authorization is "[REDACTED]". */
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** null when the connection was dropped. */
  status: number | null;
  /** The request reached the resource handler (for a write: it happened). */
  processed: boolean;
  /** The idempotency_id the body carried; `body` holds the resource fields without it. */
  idempotencyId?: string;
  /** Answered with the first answer of its idempotency_id: nothing was written. */
  replayed?: boolean;
  business: string | null;
  fault: { kind: FaultKind; when: FaultWhen } | null;
  durationMs: number;
}

// Records are Sage's JSON: loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SageRecord = Record<string, any>;

export interface SandboxStore {
  readonly leadBusinessId: string;
  businesses(): SageRecord[];
  /** Copies of a collection's records in created order (lead business unless businessId). */
  list(collection: string, businessId?: string): SageRecord[];
  get(collection: string, id: string, businessId?: string): SageRecord | undefined;
  count(collection: string, businessId?: string): number;
  /** A record as GET /{collection}/{id}?query answers it, decimals kept as numbers (what the component returns). */
  answer(collection: string, id: string, query?: Record<string, string>, businessId?: string): SageRecord | undefined;
  collections(): string[];
}

export interface Sandbox {
  /** http://127.0.0.1:PORT/v3.1 */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Live array; clearLog() empties it. */
  requestLog: LogEntry[];
  businesses: { lead: string; second: string };
  store: SandboxStore;
  /** Insert n synthetic records fast; returns their ids. contacts, contact_persons, ledger_accounts, sales_invoices, purchase_invoices, products, services. */
  seed(collection: string, n: number, options?: { businessId?: string; contactId?: string }): string[];
  setFaults(faults: FaultOptions | null): void;
  setRateLimit(rateLimit: RateLimitOptions | null): void;
  setLatency(ms: number): void;
  setNow(clock: () => Date): void;
  /** "updated_at": lists answer by updated_at, oldest first (ties in created order); default "created" (created order). Sage does not document its order. */
  setListOrder(order: "created" | "updated_at"): void;
  /** false: every authenticated call gets Sage's 401 AuthorizationFailure "No active subscription. (MSE)". */
  setSubscriptionActive(active: boolean): void;
  /** false: the business is not on Accounting Plus, so every /stock_items call is refused (sandbox/catalogue.js). */
  setAccountingPlus(onPlus: boolean): void;
  clearLog(): void;
  /** The records of every business as they are now (opaque text), for restore(). */
  snapshot(): string;
  /** Go back to a snapshot(): records made, changed or deleted since are as they were then. */
  restore(snapshot: string): void;
  save(): void;
  stop(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
export function round2(n: number): number;

/** mulberry32: the seeded PRNG behind the fault draws, for tests that plan their own repeatable runs. */
export function prng(seed: number): () => number;
