import { describe, expect, it } from 'vitest';
import { newRequestId } from '../../src/gateway/request-id.js';

describe('request ids', () => {
  it('are req_ and 32 hex digits, the first 12 the time in milliseconds', () => {
    const id = newRequestId(Date.UTC(2026, 11, 4));
    expect(id).toMatch(/^req_[0-9a-f]{32}$/);
    expect(Number.parseInt(id.slice(4, 16), 16)).toBe(Date.UTC(2026, 11, 4));
  });

  it('sort by the time they were made and never repeat', () => {
    const earlier = Array.from({ length: 1_000 }, () => newRequestId(1_000_000));
    const later = Array.from({ length: 1_000 }, () => newRequestId(1_000_001));
    expect(new Set([...earlier, ...later]).size).toBe(2_000);
    const highestEarlier = [...earlier].sort().at(-1) as string;
    expect([...later].sort()[0]! > highestEarlier).toBe(true);
  });
});
