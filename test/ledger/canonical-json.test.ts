import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/ledger/canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined }, e: 'x' }))
      .toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1,"e":"x"}');
  });

  it('writes the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ v: 1, seq: 2, type: 'request' }))
      .toBe(canonicalJson({ type: 'request', seq: 2, v: 1 }));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ b: 1, a: [Number.POSITIVE_INFINITY] })).toThrow(TypeError);
  });
});
