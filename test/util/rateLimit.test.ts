import fc from "fast-check";
import { type Clock, RateLimiter, sageRateLimit, sageRateLimitPolicy } from "../../src/util/rateLimit";

/** A clock that only moves when every waiting promise has settled and a sleeper is due. */
const fakeClock = () => {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => sleepers.push({ at: now + ms, wake })),
  };
  /** Run until `until` (or until nothing sleeps any more), waking sleepers in time order. */
  const runUntil = async (until = Number.POSITIVE_INFINITY) => {
    for (;;) {
      await settle();
      sleepers.sort((a, b) => a.at - b.at);
      const due = sleepers[0];
      if (!due || due.at > until) {
        if (Number.isFinite(until)) now = Math.max(now, until);
        return;
      }
      now = Math.max(now, due.at);
      sleepers.shift()?.wake();
    }
  };
  return { clock, runUntil, now: () => now };
};

/** The largest number of `times` that fall in any half-open window [t, t + windowMs). */
const busiestWindow = (times: number[], windowMs: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe("RateLimiter", () => {
  /** Acquire, note when the call went out, and end it `durationMs` later on the fake clock. */
  const call = (limiter: RateLimiter, clock: Clock, key: string, durationMs: number, sent: number[], done: number[]) =>
    limiter.acquire(key).then(async (release) => {
      sent.push(clock.now());
      await clock.sleep(durationMs);
      release();
      done.push(clock.now());
    });

  test("lets `limit` calls through at once, then one more when a finished call leaves the window", async () => {
    const { clock, runUntil } = fakeClock();
    const limiter = new RateLimiter(() => ({ limit: 3, windowMs: 1000 }), clock);
    const sent: number[] = [];
    for (let i = 0; i < 7; i++) void call(limiter, clock, "b1", 100, sent, []);
    await runUntil();
    // Each call holds its slot until 1000 ms after its answer (at 100 ms).
    expect(sent).toEqual([0, 0, 0, 1100, 1100, 1100, 2200]);
  });

  test("a call still waiting for its answer keeps its slot", async () => {
    const { clock, runUntil } = fakeClock();
    const limiter = new RateLimiter(() => ({ limit: 1, windowMs: 100 }), clock);
    const sent: number[] = [];
    void call(limiter, clock, "b", 5000, sent, []);
    void call(limiter, clock, "b", 10, sent, []);
    await runUntil();
    expect(sent).toEqual([0, 5100]);
  });

  test("keys do not share a budget", async () => {
    const { clock, runUntil } = fakeClock();
    const limiter = new RateLimiter(() => ({ limit: 2, windowMs: 1000 }), clock);
    const granted: string[] = [];
    for (const key of ["a", "a", "a", "b", "b"]) {
      void limiter.acquire(key).then((release) => {
        granted.push(`${key}@${clock.now()}`);
        release();
      });
    }
    await runUntil();
    expect(granted.sort()).toEqual(["a@0", "a@0", "a@1000", "b@0", "b@0"]);
  });

  test("calls of one key are let through in the order they asked", async () => {
    const { clock, runUntil } = fakeClock();
    const limiter = new RateLimiter(() => ({ limit: 2, windowMs: 500 }), clock);
    const order: number[] = [];
    for (let i = 0; i < 9; i++) {
      void limiter.acquire("b").then((release) => {
        order.push(i);
        release();
      });
    }
    await runUntil();
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("null lets every call through at once", async () => {
    const { clock, runUntil } = fakeClock();
    const limiter = new RateLimiter(() => null, clock);
    let granted = 0;
    for (let i = 0; i < 500; i++) void limiter.acquire("b").then(() => granted++);
    await runUntil(0);
    expect(granted).toBe(500);
  });

  test("never more than `limit` calls in any window, wherever between sending and answer Sage counts them", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 10, max: 1000 }),
        // Arrival time (ms after the start), business and duration of each call.
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom("a", "b"), fc.integer({ min: 0, max: 400 })),
          { minLength: 1, maxLength: 60 },
        ),
        async (limit, windowMs, arrivals) => {
          const { clock, runUntil } = fakeClock();
          const limiter = new RateLimiter(() => ({ limit, windowMs }), clock);
          const calls: Record<string, { sent: number; done: number }[]> = { a: [], b: [] };
          const sorted = [...arrivals].sort((x, y) => x[0] - y[0]);
          for (const [at, key, durationMs] of sorted) {
            await runUntil(at);
            void limiter.acquire(key).then(async (release) => {
              const entry = { sent: clock.now(), done: Number.POSITIVE_INFINITY };
              calls[key].push(entry);
              await clock.sleep(durationMs);
              release();
              entry.done = clock.now();
            });
          }
          await runUntil();
          for (const key of ["a", "b"] as const) {
            const made = calls[key];
            expect(made).toHaveLength(sorted.filter(([, k]) => k === key).length);
            // Sage may count a call anywhere in [sent, done]: the calls that could share a window
            // with call j are those sent before it whose answer came less than windowMs before it left.
            for (const j of made) {
              const sharing = made.filter((i) => i.sent <= j.sent && i.done > j.sent - windowMs);
              expect(sharing.length).toBeLessThanOrEqual(limit);
            }
            expect(
              busiestWindow(
                made.map((c) => c.sent),
                windowMs,
              ),
            ).toBeLessThanOrEqual(limit);
            expect(
              busiestWindow(
                made.map((c) => c.done),
                windowMs,
              ),
            ).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("sageRateLimit", () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  test("is Sage's 200 calls per 60 s", () => {
    const saved = sageRateLimitPolicy.limit;
    sageRateLimitPolicy.limit = 200;
    try {
      expect(sageRateLimit()).toEqual({ limit: 200, windowMs: 60_000 });
    } finally {
      sageRateLimitPolicy.limit = saved;
    }
  });

  test("a scaled limit is honoured only for the local sandbox", () => {
    process.env.SAGE_SANDBOX_RATE_LIMIT = "20/2000";
    delete process.env.SAGE_API_BASE_URL;
    expect(sageRateLimit()).toBeNull(); // the suites switch Sage's limit off (test/setup.ts)
    process.env.SAGE_API_BASE_URL = "http://127.0.0.1:9/v3.1";
    expect(sageRateLimit()).toEqual({ limit: 20, windowMs: 2000 });
    process.env.SAGE_SANDBOX_RATE_LIMIT = "off";
    expect(sageRateLimit()).toBeNull();
  });
});
