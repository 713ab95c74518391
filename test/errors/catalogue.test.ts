import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/codes.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('the error catalogue', () => {
  it.each(Object.keys(ERROR_CODES))('documents %s in the README', (code) => {
    expect(readme).toMatch(new RegExp(`\\| \`${code}\` \\|`));
  });

  it('gives every code a status and a one-line summary', () => {
    for (const spec of Object.values(ERROR_CODES)) {
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.summary).toMatch(/^[A-Z].*\.$/);
    }
  });
});
