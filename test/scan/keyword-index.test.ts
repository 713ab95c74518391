import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/detectors/secrets/keyword-index.js';

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

  it('rejects keywords that are not lower-case ASCII', () => {
    expect(() => new KeywordIndex(['Token'])).toThrow(RangeError);
  });
});
