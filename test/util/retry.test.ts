import type { AxiosError } from "axios";
import {
  CARRIES_IDEMPOTENCY_ID,
  PRODUCTION_RETRY_POLICY,
  delayBeforeRetry,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  retryPolicy,
  shouldRetry,
} from "../../src/util/retry";

const failure = (
  method: string,
  status?: number,
  code?: string,
  headers: Record<string, string> = {},
  config: Record<string, unknown> = {},
) =>
  ({
    config: { method, ...config },
    code,
    message: code === "ERR_BAD_REQUEST" ? "Request body larger than maxBodyLength limit" : "failed",
    response: status === undefined ? undefined : { status, headers },
  }) as unknown as AxiosError;

/** A POST whose body carries an idempotency_id (marked by src/util/idempotency.ts). */
const idempotentPost = (status?: number, code?: string) =>
  failure("post", status, code, {}, { [CARRIES_IDEMPOTENCY_ID]: true });

describe("which failures are retried", () => {
  test.each([
    ["get", 503, undefined, true],
    ["get", 500, undefined, true],
    ["put", 502, undefined, true],
    ["delete", 504, undefined, true],
    ["get", undefined, "ECONNRESET", true],
    ["get", undefined, "ECONNABORTED", true],
    ["get", 404, undefined, false],
    ["get", 422, undefined, false],
    ["put", 400, undefined, false],
    // A create that may have been processed must never be sent twice.
    ["post", 500, undefined, false],
    ["post", 503, undefined, false],
    ["post", undefined, "ECONNRESET", false],
    ["post", undefined, "ECONNABORTED", false],
    ["post", undefined, "ETIMEDOUT", false],
    // ...but one Sage provably did not process is safe to resend.
    ["post", 429, undefined, true],
    ["post", undefined, "ECONNREFUSED", true],
    ["get", 429, undefined, true],
  ])("%s answered %p (%p) → retry %p", (method, status, code, expected) => {
    expect(isRetryable(failure(method, status, code))).toBe(expected);
  });

  test("a cancelled request is not retried", () => {
    expect(isRetryable(failure("get", undefined, "ERR_CANCELED"))).toBe(false);
  });

  test("a body axios refused to send (over the size limit) is not retried", () => {
    expect(isRetryable(failure("put", undefined, "ERR_BAD_REQUEST"))).toBe(false);
  });

  test.each([
    [500, undefined],
    [503, undefined],
    [undefined, "ECONNRESET"],
    [undefined, "ECONNABORTED"],
    [undefined, "ETIMEDOUT"],
  ])("a POST carrying an idempotency_id is retried like a PUT after %p %p", (status, code) => {
    expect(isRetryable(idempotentPost(status, code))).toBe(true);
  });

  test("network errors, timeouts and 5xx get 3 retries; 429 gets 7", () => {
    const tries = (error: AxiosError) => [1, 2, 3, 4, 5, 6, 7, 8].filter((n) => shouldRetry(error, n));
    expect(tries(failure("get", 503))).toEqual([1, 2, 3]);
    expect(tries(idempotentPost(undefined, "ECONNRESET"))).toEqual([1, 2, 3]);
    expect(tries(failure("post", 429))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test("the retry count comes from axios-retry's state on the config", () => {
    const afterThree = failure("get", 503, undefined, {}, { "axios-retry": { retryCount: 3 } });
    expect(isRetryable(afterThree)).toBe(false);
    expect(isRetryable(failure("get", 429, undefined, {}, { "axios-retry": { retryCount: 6 } }))).toBe(true);
    expect(isRetryable(failure("get", 429, undefined, {}, { "axios-retry": { retryCount: 7 } }))).toBe(false);
  });
});

describe("Retry-After", () => {
  test("seconds", () => expect(parseRetryAfter("7")).toBe(7000));
  test("an HTTP date", () => {
    const now = Date.parse("2026-11-25T10:00:00Z");
    expect(parseRetryAfter("Wed, 25 Nov 2026 10:00:05 GMT", now)).toBe(5000);
  });
  test("a date in the past means now", () => {
    expect(parseRetryAfter("Wed, 25 Nov 2020 10:00:05 GMT")).toBe(0);
  });
  test.each([undefined, "", "soon"])("%p is ignored", (value) => expect(parseRetryAfter(value)).toBeUndefined());
});

describe("delay before a retry", () => {
  const saved = { ...retryPolicy };
  const production = PRODUCTION_RETRY_POLICY;
  beforeEach(() => Object.assign(retryPolicy, production));
  afterAll(() => Object.assign(retryPolicy, saved));

  test("test/setup.ts shortens the waits only, not the tries", () => {
    expect(saved).toEqual({
      ...production,
      baseDelayMs: 1,
      rateLimitBaseDelayMs: 1,
      maxDelayMs: 20,
      maxRetryAfterMs: 20,
    });
  });

  test("5xx and network errors: exponential from 500 ms, with at most 25% jitter", () => {
    for (const [count, base] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
    ]) {
      const delay = retryDelayMs(count, failure("get", 503));
      expect(delay).toBeGreaterThanOrEqual(base);
      expect(delay).toBeLessThanOrEqual(base * 1.25);
    }
  });

  test("429 without Retry-After: 2, 4, 8, 15, 15, 15, 15 s, whose sum outlasts Sage's 60 s window", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((n) => delayBeforeRetry(n, { rateLimited: true }));
    expect(waits).toEqual([2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000]);
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThan(60_000);
    // With full jitter every wait is 25% longer: the bound the README states.
    expect(waits.reduce((sum, _w, i) => sum + delayBeforeRetry(i + 1, { rateLimited: true }, 1), 0)).toBe(92_500);
  });

  test("Retry-After wins over the backoff", () => {
    expect(retryDelayMs(1, failure("get", 429, undefined, { "retry-after": "3" }))).toBe(3000);
  });

  test("a long Retry-After is honoured up to Sage's 60 s window, so a step cannot hang for hours", () => {
    expect(retryDelayMs(1, failure("get", 429, undefined, { "retry-after": "45" }))).toBe(45_000);
    expect(retryDelayMs(1, failure("get", 429, undefined, { "retry-after": "600" }))).toBe(60_000);
  });
});
