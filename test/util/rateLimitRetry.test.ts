import nock from "nock";
import { createSageClient } from "../../src/client";
import { PRODUCTION_RETRY_POLICY, retryPolicy } from "../../src/util/retry";
import { BASE_PATH, SAGE_ORIGIN, testConnection } from "../helpers";

/*
 * The retry policy against a Sage that answers 429 without Retry-After (no source shows Sage
 * sending one) for a while. Without waiting minutes: every duration, the policy's waits and
 * Sage's limited period alike, is scaled by SCALE (1/100), so 30 s of 429s are 300 ms here and
 * production's 2, 4, 8, 15 s waits are 20, 40, 80, 150 ms. The policy is linear in time, so the
 * outcome is production's; request time only adds to the waits. test/util/retry.test.ts checks the
 * unscaled numbers (74 s in all, 92.5 s with full jitter).
 */
const SCALE = 1 / 100;
const scaled = (ms: number) => ms * SCALE;
const saved = { ...retryPolicy };

beforeAll(() => nock.disableNetConnect());
beforeEach(() =>
  Object.assign(retryPolicy, {
    baseDelayMs: scaled(PRODUCTION_RETRY_POLICY.baseDelayMs),
    rateLimitBaseDelayMs: scaled(PRODUCTION_RETRY_POLICY.rateLimitBaseDelayMs),
    maxDelayMs: scaled(PRODUCTION_RETRY_POLICY.maxDelayMs),
    maxRetryAfterMs: scaled(PRODUCTION_RETRY_POLICY.maxRetryAfterMs),
  }),
);
afterEach(() => {
  Object.assign(retryPolicy, saved);
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

/** Sage limited for `limitedMs` (unscaled) from the first call; returns when each call came, unscaled ms after the first. */
const limitedFor = (limitedMs: number) => {
  const calls: number[] = [];
  let firstAt: number | undefined;
  nock(SAGE_ORIGIN)
    .persist()
    .get(`${BASE_PATH}/contacts`)
    .reply(() => {
      firstAt ??= Date.now();
      const since = (Date.now() - firstAt) / SCALE;
      calls.push(since);
      return since < limitedMs ? [429, [{ $message: "Too many requests" }]] : [200, { $items: [] }];
    });
  return calls;
};

const get = () => createSageClient(testConnection()).get("/contacts");

test("429s without Retry-After for 30 s are survived", async () => {
  const calls = limitedFor(30_000);
  await expect(get()).resolves.toMatchObject({ status: 200 });
  expect(calls[calls.length - 1]).toBeGreaterThanOrEqual(30_000);
  expect(calls.length).toBeGreaterThanOrEqual(4);
});

test("a limit lasting Sage's whole 60 s window is survived too", async () => {
  const calls = limitedFor(60_000);
  await expect(get()).resolves.toMatchObject({ status: 200 });
  expect(calls[calls.length - 1]).toBeGreaterThanOrEqual(60_000);
});

test("a limit that never lifts fails after 8 tries, having waited past Sage's 60 s window", async () => {
  const calls = limitedFor(Number.POSITIVE_INFINITY);
  await expect(get()).rejects.toThrow(
    "Sage API error 429 on GET /contacts: Too many requests. Sage's rate limit was reached; retries were exhausted.",
  );
  expect(calls).toHaveLength(8);
  expect(calls[7]).toBeGreaterThanOrEqual(74_000);
});
