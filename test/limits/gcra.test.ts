import { describe, expect, it } from 'vitest';
import { MemoryGcraStore } from '../../src/limits/gcra.js';
import { RateLimiter, formatReset } from '../../src/limits/rate-limiter.js';
import { parseScope } from '../../src/limits/scope.js';

const rate = { limit: 60, periodMs: 60_000, burst: 5 };

describe('GCRA', () => {
  it('allows a burst, then one request per interval', () => {
    const store = new MemoryGcraStore();
    const results = Array.from({ length: 6 }, () => store.take('k', 1, rate, 0));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results[4]?.remaining).toBe(0);
    expect(results[5]?.retryAfterMs).toBe(1_000);
    expect(store.take('k', 1, rate, 999).allowed).toBe(false);
    expect(store.take('k', 1, rate, 1_000).allowed).toBe(true);
  });

  it('charges costs, gives back over-estimates and forces under-estimates', () => {
    const store = new MemoryGcraStore();
    const tokens = { limit: 1_000, periodMs: 60_000, burst: 1_000 };
    expect(store.take('t', 800, tokens, 0).remaining).toBe(200);
    expect(store.take('t', 300, tokens, 0).allowed).toBe(false);
    store.take('t', -500, tokens, 0);
    expect(store.take('t', 300, tokens, 0)).toMatchObject({ allowed: true, remaining: 400 });
    store.take('t', 900, tokens, 0, true);
    expect(store.take('t', 1, tokens, 0).allowed).toBe(false);
  });
});

describe('RateLimiter', () => {
  const subject = { keyId: 'key_a', user: 'alice', department: 'eng', agent: null, ip: '10.0.0.1' };

  it('applies only the limits whose scope matches, and reports the tightest', () => {
    const limiter = new RateLimiter([
      { scope: parseScope('user:bob')!, rpm: 1 },
      { scope: parseScope('department:eng')!, rpm: 10 },
      { scope: parseScope('key')!, rpm: 2 },
    ], new MemoryGcraStore());
    const first = limiter.admit(subject, 0, 0);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit-requests': '2',
      'x-ratelimit-remaining-requests': '1' });
    limiter.admit(subject, 0, 0);
    const third = limiter.admit(subject, 0, 0);
    expect(third).toMatchObject({ allowed: false, rule: 'key rpm' });
    // A refused request spends nothing anywhere: the department still has 8.
    expect(limiter.admit({ ...subject, keyId: 'key_b' }, 0, 0).headers)
      .toMatchObject({ 'x-ratelimit-remaining-requests': '1' });
  });

  it('formats reset times as OpenAI does', () => {
    expect(formatReset(20)).toBe('20ms');
    expect(formatReset(1_000)).toBe('1s');
    expect(formatReset(360_000)).toBe('6m0s');
  });
});
