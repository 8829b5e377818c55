import type { AxiosError } from "axios";
import { isRetryable, parseRetryAfter, retryDelayMs, retryPolicy } from "../../src/util/retry";

const failure = (method: string, status?: number, code?: string, headers: Record<string, string> = {}) =>
  ({
    config: { method },
    code,
    response: status === undefined ? undefined : { status, headers },
  }) as unknown as AxiosError;

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
  beforeEach(() => Object.assign(retryPolicy, { baseDelayMs: 500, maxDelayMs: 30_000 }));
  afterAll(() => Object.assign(retryPolicy, saved));

  test("exponential from the base delay, with at most 25% jitter", () => {
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

  test("Retry-After wins over the backoff", () => {
    expect(retryDelayMs(1, failure("get", 429, undefined, { "retry-after": "3" }))).toBe(3000);
  });

  test("a long Retry-After is capped so a step cannot hang for minutes", () => {
    expect(retryDelayMs(1, failure("get", 429, undefined, { "retry-after": "600" }))).toBe(30_000);
  });
});
