import { readsAsWords } from './value-shapes.js';

/**
 * Shared regex pieces. Rules are regex literals where one fits on a line
 * (else `joinedPattern`), so these are spliced in with `new RegExp(...)` by
 * the few rules that build their pattern from parts. Also the value checks
 * shared by several rules.
 */

/** Characters that may not touch a token on either side. */
export const TOKEN_CHARS = 'A-Za-z0-9_';

/** An assignment between a key name and its value: `=`, `:`, `:=`, `=>`. */
export const ASSIGN = String.raw`["'\x60]?\s{0,5}(?::=|=>|=|:)\s{0,5}["'\x60]?`;

/**
 * Builds a pattern for a value that follows a context word, e.g. a key
 * assigned to `COHERE_API_KEY`: `context` is a regex source, `value` the
 * character class and length of the secret.
 */
export function afterContext(context: string, value: string): RegExp {
  const source = String.raw`(?:${context})[\w.-]{0,30}?${ASSIGN}(?<secret>${value})` +
    String.raw`(?![A-Za-z0-9_+/=-])`;
  return new RegExp(source, 'di');
}

/** A UUID in its usual lower- or upper-case hex form. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * For keys under a short prefix that code also uses (`pa-4`, `re_compile`):
 * random keys mix both cases and are not made of words.
 */
export function mixedCaseRandom(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && !readsAsWords(secret);
}
