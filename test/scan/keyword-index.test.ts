import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/detectors/secrets/keyword-index.js';

/** Every occurrence by plain search, the reference the automaton must agree with. */
function naiveFind(keywords: readonly string[], text: string): Map<number, number[]> {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hits = new Map<number, number[]>();
  keywords.forEach((keyword, id) => {
    for (let i = lower.indexOf(keyword); i !== -1; i = lower.indexOf(keyword, i + 1)) {
      hits.set(id, [...(hits.get(id) ?? []), i]);
    }
  });
  return hits;
}

/** A seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('KeywordIndex', () => {
  it('finds overlapping keywords regardless of case', () => {
    const index = new KeywordIndex(['he', 'she', 'hers', 'his']);
    const hits = index.find('uSHErs his');
    expect(hits.get(0)).toEqual([2]);
    expect(hits.get(1)).toEqual([1]);
    expect(hits.get(2)).toEqual([2]);
    expect(hits.get(3)).toEqual([7]);
  });

  it('treats characters outside ASCII as breaks', () => {
    const index = new KeywordIndex(['ab']);
    expect(index.find('aéb ab').get(0)).toEqual([4]);
  });

  it('does not take a character above U+00FF for the ASCII letter of its low byte', () => {
    // U+0174 and U+0161 end in the bytes of 't' and 'a'.
    const index = new KeywordIndex(['tok', 'ab']);
    expect([...index.find('\u0174ok a\u0161b').keys()]).toEqual([]);
    expect(index.find('\u0174ok tok').get(0)).toEqual([4]);
  });

  it('finds keywords that straddle the middle of a long text', () => {
    const index = new KeywordIndex(['secret', 'token']);
    const half = 'x'.repeat(3000);
    for (let shift = 0; shift < 8; shift++) {
      const text = `${half.slice(shift)}SeCrEt${half}`;
      expect(index.find(text).get(0)).toEqual([3000 - shift]);
    }
  });

  it('agrees with a plain search on random texts', () => {
    const keywords = ['token', 'tok', 'ok', 'secret', 'sk-', 'sk_live_', 'q~', 'aaaa', 'a', 'eyj'];
    const index = new KeywordIndex(keywords);
    const pieces = [...keywords, ...keywords.map((k) => k.toUpperCase()), 'x', ' ', '\n',
      'é', '\u0174', '\u{1F511}', 'K'];
    const random = seeded(7);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = round % 2 === 0 ? 40 : 2500;
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      expect(index.find(text)).toEqual(naiveFind(keywords, text));
    }
  });

  it('rejects keywords that are not lower-case ASCII', () => {
    expect(() => new KeywordIndex(['Token'])).toThrow(RangeError);
  });
});
