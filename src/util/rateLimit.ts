/** At most `limit` calls in any `windowMs` milliseconds. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Time as the limiter sees it; tests pass a fake one. */
export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Lets at most `limit` calls per key through in any window of `windowMs` (a sliding log of the
 * times calls went out). Calls of one key wait their turn in the order they asked, so with
 * several pages in flight the earlier pages get the earlier slots. `rate` is read on every call;
 * null lets everything through.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly rate: () => RateLimit | null,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when a call for `key` may go out; the call counts from that moment. */
  acquire(key: string): Promise<void> {
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.take(key));
    this.queues.set(key, turn);
    void turn.then(() => {
      if (this.queues.get(key) === turn) this.queues.delete(key);
    });
    return turn;
  }

  private async take(key: string): Promise<void> {
    for (;;) {
      const rate = this.rate();
      if (!rate) return;
      const now = this.clock.now();
      const times = this.sent.get(key) ?? [];
      while (times.length > 0 && times[0] <= now - rate.windowMs) times.shift();
      if (times.length < rate.limit) {
        times.push(now);
        this.sent.set(key, times);
        this.forgetIdleKeys(now, rate.windowMs);
        return;
      }
      // The oldest call in the window leaves it then, making room for this one.
      await this.clock.sleep(times[0] + rate.windowMs - now);
    }
  }

  /** Keys (businesses) with no call in the current window hold nothing worth keeping. */
  private forgetIdleKeys(now: number, windowMs: number) {
    if (this.sent.size <= 64) return;
    for (const [key, times] of this.sent) {
      if (times[times.length - 1] <= now - windowMs) this.sent.delete(key);
    }
  }
}

/**
 * Sage's limit: 200 calls in any 60-second window per business (Sage's v3.0 request guide). Sage
 * counts a call when it arrives, up to a moment after it left here, so the window is taken
 * `marginMs` longer. Mutable only so tests can switch the limiter off (limit Infinity).
 */
export const sageRateLimitPolicy = { limit: 200, windowMs: 60_000, marginMs: 1_000 };

/**
 * The limit in force: Sage's, or, for the local sandbox only (SAGE_API_BASE_URL set, which
 * client.ts accepts for loopback addresses only), SAGE_SANDBOX_RATE_LIMIT="<calls>/<ms>" or "off",
 * so the benchmark can run Sage's limit scaled down in time.
 */
export const sageRateLimit = (): RateLimit | null => {
  const sandboxLimit = process.env.SAGE_API_BASE_URL ? process.env.SAGE_SANDBOX_RATE_LIMIT : undefined;
  if (sandboxLimit === "off") return null;
  const scaled = /^(\d+)\/(\d+)$/.exec(sandboxLimit ?? "");
  if (scaled) return { limit: Number(scaled[1]), windowMs: Number(scaled[2]) };
  const { limit, windowMs, marginMs } = sageRateLimitPolicy;
  return Number.isFinite(limit) ? { limit, windowMs: windowMs + marginMs } : null;
};

/** One limiter for every Sage client of the process, keyed by business. */
export const sageRateLimiter = new RateLimiter(sageRateLimit);
