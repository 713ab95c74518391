/** The outcome of one GCRA check. */
export interface GcraResult {
  allowed: boolean;
  /** Milliseconds until this request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** Whole units that could still be spent now. */
  remaining: number;
  /** Milliseconds until the limit is fully restored. */
  resetMs: number;
}

/**
 * A generic cell rate algorithm over one stored time per key, the
 * theoretical arrival time (TAT). With `T = period / limit` and
 * `tau = T * burst`, a request of `cost` units moves TAT to
 * `max(TAT, now) + cost * T` and is allowed when that is at most `now + tau`.
 * Exact, O(1), and the cost may be tokens as well as requests.
 *
 * The store is an interface so that a shared backend (a Redis script) can
 * keep the same arithmetic atomic across replicas.
 */
export interface GcraStore {
  /**
   * Checks and, when allowed, spends `cost` units. A negative cost gives
   * units back (settling an over-estimate); `force` spends even past the
   * limit (settling an under-estimate after the fact).
   */
  take(key: string, cost: number, rate: GcraRate, now: number, force?: boolean): GcraResult;
}

export interface GcraRate {
  /** Units allowed per period. */
  limit: number;
  periodMs: number;
  /** Units that may be spent at once; defaults to `limit`. */
  burst: number;
}

/** The in-process store: exact, since one event loop runs one check at a time. */
export class MemoryGcraStore implements GcraStore {
  readonly #tat = new Map<string, number>();
  #sweepAt = 0;

  take(key: string, cost: number, rate: GcraRate, now: number, force = false): GcraResult {
    this.#sweep(now);
    const interval = rate.periodMs / rate.limit;
    const tolerance = interval * rate.burst;
    const tat = Math.max(this.#tat.get(key) ?? now, now);
    const next = tat + cost * interval;

    if (!force && cost > 0 && next - now > tolerance) {
      return {
        allowed: false,
        retryAfterMs: Math.ceil(next - now - tolerance),
        remaining: Math.max(0, Math.floor((tolerance - (tat - now)) / interval)),
        resetMs: Math.ceil(tat - now),
      };
    }
    const stored = Math.max(next, now);
    this.#tat.set(key, stored);
    return {
      allowed: true,
      retryAfterMs: 0,
      remaining: Math.max(0, Math.floor((tolerance - (stored - now)) / interval)),
      resetMs: Math.ceil(stored - now),
    };
  }

  /** Drops keys whose limit is fully restored, so memory follows active keys only. */
  #sweep(now: number): void {
    if (now < this.#sweepAt) return;
    this.#sweepAt = now + 60_000;
    for (const [key, tat] of this.#tat) if (tat <= now) this.#tat.delete(key);
  }
}
