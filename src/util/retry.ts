import type { AxiosError } from "axios";

/**
 * Retry policy of the shared Sage client. Defaults: up to 3 retries, exponential backoff from
 * 500 ms with up to 25% jitter, Retry-After honoured but never waiting more than 30 s per try,
 * so a rate-limited step finishes (or fails clearly) within about a minute and a half.
 * Mutable only so tests and benchmarks can shorten the delays.
 */
export const retryPolicy = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

// Idempotent in Sage: repeating them cannot create a second record.
const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete"]);

// Codes that mean the request never reached Sage, so even a POST is safe to resend.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * GET/PUT/DELETE retry on network errors, timeouts, 429 and 5xx. A POST retries only when it
 * provably was not processed: 429 (rejected before processing) or a connection that was never
 * opened. A POST that timed out or got a 5xx may have created the record, so it is not repeated.
 */
export const isRetryable = (error: AxiosError): boolean => {
  const method = (error.config?.method ?? "get").toLowerCase();
  const status = error.response?.status;
  if (status === 429) return true;
  if (error.code && NOT_SENT_CODES.has(error.code)) return true;
  if (!IDEMPOTENT.has(method)) return false;
  if (status === undefined) return error.code !== "ERR_CANCELED";
  return status >= 500 && status <= 599;
};

/**
 * Whether Sage may have carried out the request although it failed: a 5xx or a lost answer
 * (timeout, dropped connection). A 429 and a connection never opened mean it was not.
 */
export const mayHaveBeenProcessed = (error: AxiosError): boolean => {
  const status = error.response?.status;
  if (status !== undefined) return status >= 500;
  return !(error.code && NOT_SENT_CODES.has(error.code)) && error.code !== "ERR_CANCELED";
};

/** Set on a request's config when an earlier try of it may have been carried out by Sage. */
export const EARLIER_TRY_MAY_HAVE_BEEN_PROCESSED = "sageEarlierTryMayHaveBeenProcessed";

export const earlierTryMayHaveBeenProcessed = (error: AxiosError): boolean =>
  Boolean((error.config as Record<string, unknown> | undefined)?.[EARLIER_TRY_MAY_HAVE_BEEN_PROCESSED]);

/** Seconds or an HTTP date, as Sage (and proxies in front of it) send it; undefined when absent or unreadable. */
export const parseRetryAfter = (header: unknown, now = Date.now()): number | undefined => {
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

export const retryDelayMs = (retryCount: number, error: AxiosError): number => {
  const retryAfter = parseRetryAfter(error.response?.headers?.["retry-after"]);
  const backoff = retryPolicy.baseDelayMs * 2 ** Math.max(0, retryCount - 1);
  const jitter = backoff * 0.25 * Math.random();
  return Math.min(retryAfter ?? backoff + jitter, retryPolicy.maxDelayMs);
};
