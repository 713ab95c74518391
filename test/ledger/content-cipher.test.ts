import { hash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commit } from '../../src/ledger/content/content-cipher.js';

describe('salted commitments', () => {
  it('are the SHA-256 of base64(salt), a line feed and the UTF-8 text, for any text', () => {
    const texts = ['', 'a', 'héllo wörld 😀 \u0000 end', '€'.repeat(5_000), 'x'.repeat(300_000)];
    for (const text of texts) {
      const salt = randomBytes(32);
      const expected = hash('sha256', Buffer.concat([Buffer.from(`${salt.toString('base64')}\n`),
        Buffer.from(text, 'utf8')]), 'hex');
      expect(commit(salt, text)).toBe(expected);
    }
  });
});
