import type { AxiosError } from "axios";

/**
 * Retry policy of the shared Sage client. Mutable only so tests and benchmarks can shorten the
 * delays (test/setup.ts); the tries allowed never change.
 *
 * - Network errors, timeouts and 5xx: up to 3 retries, backoff 0.5 s, 1 s, 2 s (+ up to 25% jitter).
 * - 429: up to 7 retries. Sage's limit is 200 calls in any 60 s per business and no source shows it
 *   sending Retry-After, so without one the waits are 2, 4, 8, 15, 15, 15, 15 s: 74 s in all
 *   (92.5 s with full jitter), which outlasts Sage's 60 s window. A Retry-After is honoured, up to
 *   60 s per wait (Sage's whole window; a longer one is not Sage's limit speaking).
 *
 * Bound: at most 8 tries of 30 s each (a timed-out try is retried only within the first 3
 * retries) and 7 waits, so no Sage call holds a step for more than 8 × 30 s + 7 × 60 s = 11 minutes;
 * in practice a 429 storm without Retry-After ends, one way or the other, after about 75-93 s.
 */
export const PRODUCTION_RETRY_POLICY = Object.freeze({
  /** Retries after a network error, a timeout or a 5xx. */
  retries: 3,
  baseDelayMs: 500,
  /** Retries after a 429. */
  rateLimitRetries: 7,
  rateLimitBaseDelayMs: 2_000,
  /** Longest computed backoff wait. */
  maxDelayMs: 15_000,
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: 60_000,
});

export const retryPolicy: Record<keyof typeof PRODUCTION_RETRY_POLICY, number> = { ...PRODUCTION_RETRY_POLICY };

/** The most retries any failure gets: what the client hands axios-retry, which then asks isRetryable. */
export const maxRetries = (): number => Math.max(retryPolicy.retries, retryPolicy.rateLimitRetries);

// Idempotent in Sage: repeating them cannot create a second record.
const IDEMPOTENT = new Set(["get", "head", "options", "put", "delete"]);

// Codes that mean the request never reached Sage, so even a POST is safe to resend.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
// Refused by axios before sending (a body over maxBodyLength, a bad option): repeating cannot help.
const NEVER_SENT_CODES = new Set(["ERR_BAD_REQUEST", "ERR_BAD_OPTION", "ERR_BAD_OPTION_VALUE", "ERR_INVALID_URL"]);

/**
 * Set on a request's config by the idempotency interceptor (util/idempotency.ts) when its body
 * carries an idempotency_id: Sage then answers a repeat with the first answer, so the POST is
 * as safe to retry as a PUT.
 */
export const CARRIES_IDEMPOTENCY_ID = "sageCarriesIdempotencyId";

const carriesIdempotencyId = (error: AxiosError): boolean =>
  Boolean((error.config as Record<string, unknown> | undefined)?.[CARRIES_IDEMPOTENCY_ID]);

/** Which try of its request this failure ends: 1 for the first (axios-retry counts retries on the config). */
const tryNumberOf = (error: AxiosError): number =>
  ((error.config as { "axios-retry"?: { retryCount?: number } } | undefined)?.["axios-retry"]?.retryCount ?? 0) + 1;

/**
 * Whether a failed try may be repeated, as a pure function of the failure and the number of the
 * retry that would follow (1 for the first retry).
 *
 * GET/PUT/DELETE, and a POST whose body carries an idempotency_id, retry on network errors,
 * timeouts, 429 and 5xx. Any other POST retries only when it provably was not processed: 429
 * (rejected before processing) or a connection that was never opened; one that timed out or got
 * a 5xx may have created the record, so it is not repeated.
 */
export const shouldRetry = (error: AxiosError, retryNumber: number): boolean => {
  const method = (error.config?.method ?? "get").toLowerCase();
  const status = error.response?.status;
  if (status === 429) return retryNumber <= retryPolicy.rateLimitRetries;
  if (retryNumber > retryPolicy.retries) return false;
  if (error.code && NOT_SENT_CODES.has(error.code)) return true;
  if (!IDEMPOTENT.has(method) && !carriesIdempotencyId(error)) return false;
  if (status === undefined) return error.code !== "ERR_CANCELED" && !NEVER_SENT_CODES.has(error.code ?? "");
  return status >= 500 && status <= 599;
};

/** axios-retry's retryCondition: shouldRetry for the retry that would follow this failure. */
export const isRetryable = (error: AxiosError): boolean => shouldRetry(error, tryNumberOf(error));

/**
 * Whether Sage may have carried out the request although it failed: a 5xx or a lost answer
 * (timeout, dropped connection). A 429, a connection never opened and a request axios refused
 * to send mean it was not.
 */
export const mayHaveBeenProcessed = (error: AxiosError): boolean => {
  const status = error.response?.status;
  if (status !== undefined) return status >= 500;
  const code = error.code ?? "";
  return !NOT_SENT_CODES.has(code) && !NEVER_SENT_CODES.has(code) && code !== "ERR_CANCELED";
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

/**
 * The wait before retry number `retryNumber` (1-based), as a pure function of it: a Retry-After
 * when Sage sent one (up to maxRetryAfterMs), else exponential backoff from the base delay of the
 * failure's kind (429 or other), capped at maxDelayMs, plus `jitter` (0-1) × 25%.
 */
export const delayBeforeRetry = (
  retryNumber: number,
  { rateLimited, retryAfterMs }: { rateLimited: boolean; retryAfterMs?: number },
  jitter = 0,
): number => {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, retryPolicy.maxRetryAfterMs);
  const base = rateLimited ? retryPolicy.rateLimitBaseDelayMs : retryPolicy.baseDelayMs;
  const backoff = Math.min(base * 2 ** Math.max(0, retryNumber - 1), retryPolicy.maxDelayMs);
  return backoff * (1 + 0.25 * jitter);
};

/** axios-retry's retryDelay. */
export const retryDelayMs = (retryNumber: number, error: AxiosError): number =>
  delayBeforeRetry(
    retryNumber,
    {
      rateLimited: error.response?.status === 429,
      retryAfterMs: parseRetryAfter(error.response?.headers?.["retry-after"]),
    },
    Math.random(),
  );
