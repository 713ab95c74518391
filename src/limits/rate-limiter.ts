import type { GcraRate, GcraResult, GcraStore } from './gcra.js';
import type { LimitConfig } from './limit-config.js';
import { formatScope, scopeKey, type Subject } from './scope.js';

const MINUTE = 60_000;

interface Charge {
  key: string;
  rate: GcraRate;
  cost: number;
}

/** The outcome of admitting one request. */
export interface LimitDecision {
  allowed: boolean;
  /** The limit that refused it, e.g. `user:alice tpm`. */
  rule: string | undefined;
  retryAfterMs: number;
  /** OpenAI's `x-ratelimit-*` headers for the tightest limits that applied. */
  headers: Record<string, string>;
  /** Token charges to correct once the real usage is known. */
  tokenCharges: Charge[];
}

/** OpenAI writes reset times as `20ms`, `1s` or `6m0s`. */
export function formatReset(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const seconds = Math.ceil(ms / 1_000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/**
 * Requests and tokens per minute for each configured scope, by GCRA. Tokens
 * are charged with an estimate before the call and corrected by the real
 * usage after it.
 */
export class RateLimiter {
  readonly #limits: LimitConfig[];
  readonly #store: GcraStore;

  constructor(limits: readonly LimitConfig[], store: GcraStore) {
    this.#limits = [...limits];
    this.#store = store;
  }

  /** True when no limit is configured, so callers can skip the work. */
  get empty(): boolean {
    return this.#limits.length === 0;
  }

  /** Checks every limit that applies; spends nothing unless all allow. */
  admit(subject: Subject, estimatedTokens: number, now = Date.now()): LimitDecision {
    const taken: Charge[] = [];
    let tightest: { requests?: [GcraResult, number]; tokens?: [GcraResult, number] } = {};

    for (const [index, limit] of this.#limits.entries()) {
      const key = scopeKey(limit.scope, subject);
      if (key === undefined) continue;
      const checks: ['requests' | 'tokens', number | undefined, number, number | undefined][] = [
        ['requests', limit.rpm, 1, limit.burst_requests],
        ['tokens', limit.tpm, estimatedTokens, limit.burst_tokens],
      ];
      for (const [unit, perMinute, cost, burst] of checks) {
        if (perMinute === undefined) continue;
        const charge = {
          key: `${unit}:${index}:${key}`, cost,
          rate: { limit: perMinute, periodMs: MINUTE, burst: burst ?? perMinute },
        };
        const result = this.#store.take(charge.key, cost, charge.rate, now);
        if (!result.allowed) {
          for (const done of taken) this.#store.take(done.key, -done.cost, done.rate, now);
          return {
            allowed: false,
            rule: `${formatScope(limit.scope)} ${unit === 'requests' ? 'rpm' : 'tpm'}`,
            retryAfterMs: result.retryAfterMs,
            headers: headersFor({ ...tightest, [unit]: [result, perMinute] }),
            tokenCharges: [],
          };
        }
        taken.push(charge);
        const current = tightest[unit];
        if (!current || result.remaining < current[0].remaining) {
          tightest = { ...tightest, [unit]: [result, perMinute] };
        }
      }
    }
    return {
      allowed: true, rule: undefined, retryAfterMs: 0, headers: headersFor(tightest),
      tokenCharges: taken.filter((charge) => charge.key.startsWith('tokens:')),
    };
  }

  /** Corrects token charges to the real usage (gives back or adds the difference). */
  settle(charges: readonly Charge[], actualTokens: number, now = Date.now()): void {
    for (const charge of charges) {
      const difference = actualTokens - charge.cost;
      if (difference !== 0) this.#store.take(charge.key, difference, charge.rate, now, true);
    }
  }
}

function headersFor(tightest: { requests?: [GcraResult, number]; tokens?: [GcraResult, number] }):
  Record<string, string> {
  const headers: Record<string, string> = {};
  for (const unit of ['requests', 'tokens'] as const) {
    const entry = tightest[unit];
    if (!entry) continue;
    const [result, limit] = entry;
    headers[`x-ratelimit-limit-${unit}`] = String(limit);
    headers[`x-ratelimit-remaining-${unit}`] = String(result.remaining);
    headers[`x-ratelimit-reset-${unit}`] = formatReset(result.resetMs);
  }
  return headers;
}
