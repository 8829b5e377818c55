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

/** Call when the answer has arrived (or the call failed); until then the call holds its slot. */
export type Release = () => void;

/**
 * Lets at most `limit` calls per key through in any window of `windowMs`. Sage counts a call when
 * it arrives, somewhere between the moment it leaves here and the moment its answer is back; so a
 * call holds its slot from the one until `windowMs` after the other, and no window on Sage's side
 * can see more than `limit`, however long the way. Calls of one key wait their turn in the order
 * they asked, so with several pages in flight the earlier pages get the earlier slots. `rate` is
 * read on every call; null lets everything through.
 */
export class RateLimiter {
  /** Per key: when each call's answer came back (Infinity while in flight). */
  private readonly slots = new Map<string, { doneAt: number }[]>();
  private readonly queues = new Map<string, Promise<Release>>();
  private readonly releases = new Map<string, (() => void)[]>();

  constructor(
    private readonly rate: () => RateLimit | null,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when a call for `key` may go out, with the function that ends it. */
  acquire(key: string): Promise<Release> {
    const turn = (this.queues.get(key) ?? Promise.resolve()).then(() => this.take(key));
    this.queues.set(key, turn);
    void turn.then(() => {
      if (this.queues.get(key) === turn) this.queues.delete(key);
    });
    return turn;
  }

  private async take(key: string): Promise<Release> {
    for (;;) {
      const rate = this.rate();
      if (!rate) return () => undefined;
      const now = this.clock.now();
      const held = (this.slots.get(key) ?? []).filter((slot) => slot.doneAt > now - rate.windowMs);
      this.slots.set(key, held);
      if (held.length < rate.limit) {
        const slot = { doneAt: Number.POSITIVE_INFINITY };
        held.push(slot);
        this.forgetIdleKeys(now, rate.windowMs);
        return () => {
          if (slot.doneAt !== Number.POSITIVE_INFINITY) return;
          slot.doneAt = this.clock.now();
          for (const wake of this.releases.get(key)?.splice(0) ?? []) wake();
        };
      }
      const firstDone = Math.min(...held.map((slot) => slot.doneAt));
      // Wait for the first finished call to leave the window, or, with every slot in flight, for one to end.
      await (Number.isFinite(firstDone)
        ? this.clock.sleep(firstDone + rate.windowMs - now)
        : new Promise<void>((wake) => this.releases.set(key, [...(this.releases.get(key) ?? []), wake])));
    }
  }

  /** Keys (businesses) with no call in the current window hold nothing worth keeping. */
  private forgetIdleKeys(now: number, windowMs: number) {
    if (this.slots.size <= 64) return;
    for (const [key, held] of this.slots) {
      if (held.every((slot) => slot.doneAt <= now - windowMs)) this.slots.delete(key);
    }
  }
}

/**
 * Sage's limit: 200 calls in any 60-second window per business (Sage's v3.0 request guide).
 * Mutable only so tests can switch the limiter off (limit Infinity) or shrink it.
 */
export const sageRateLimitPolicy = { limit: 200, windowMs: 60_000 };

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
  const { limit, windowMs } = sageRateLimitPolicy;
  return Number.isFinite(limit) ? { limit, windowMs } : null;
};

/** One limiter for every Sage client of the process, keyed by business. */
export const sageRateLimiter = new RateLimiter(sageRateLimit);
