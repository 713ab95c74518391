/**
 * E-mail addresses, found from their `@` (or its URL encoding `%40`, or an
 * obfuscated `[at]`) outwards: the domain by a sticky pattern, the local
 * part by walking left.
 */
import { offsetsOf } from './offsets.js';

/**
 * The domain after `@` or `%40`: labels of letters (any script), digits and
 * hyphens, then a top-level domain of ASCII letters, an IDN in punycode
 * (`xn--p1ai`), or letters of another script (`рф`).
 */
export const EMAIL_DOMAIN = new RegExp(
  String.raw`(?:@|%40)(?:[\p{L}\p{M}\p{N}-]{1,63}\.)+(?:[A-Za-z]{2,24}(?![\w-])` +
    String.raw`|xn--[A-Za-z0-9-]{1,59}(?![\w-])|(?:(?![A-Za-z])[\p{L}\p{M}]){2,24}` +
    String.raw`(?![\p{L}\p{M}\p{N}_-]))`,
  'uy',
);

/**
 * `name [at] domain [dot] com`, `name(at)domain.com`: the marker then the
 * domain, its dots written as a bracketed `dot` or as dots.
 */
export const OBFUSCATED_DOMAIN = new RegExp(
  String.raw`[[({] ?at ?[\])}] ?(?:[A-Za-z0-9-]{1,63}(?: ?[[({] ?dot ?[\])}] ?|\.))+` +
    String.raw`[A-Za-z]{2,24}(?![\w-])`,
  'iy',
);

/** ASCII characters of a local part besides letters and digits. */
const LOCAL_PUNCTUATION = "._%+'-";

/**
 * A non-ASCII character of the local part: a letter or digit of a script
 * written with spaces between words (the walk would run through a whole
 * sentence of Chinese or Japanese).
 */
const LOCAL_LETTER = new RegExp(
  String.raw`(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}])[\p{L}\p{M}\p{N}]`,
  'u',
);

/** True for a character of the local part: ASCII letters, digits, `._%+'-`, or `LOCAL_LETTER`. */
function isLocalChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code >= 128) return LOCAL_LETTER.test(char);
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122)
    || LOCAL_PUNCTUATION.includes(char);
}

/**
 * Top-level domains taken after an obfuscated `[at]` besides two-letter
 * country codes: in code, `if (at) at.push(x)` has the same shape.
 */
const OBFUSCATED_TOP_LEVEL = new Set(['com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'info',
  'biz', 'name', 'pro', 'mobi', 'app', 'dev', 'tech', 'email', 'online', 'site']);

/** Not top-level domains but file extensions: `icon@2x.png` is a file name. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'ico',
  'tif', 'tiff', 'avif', 'heic', 'pdf', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'css', 'scss',
  'json', 'yaml', 'yml', 'toml', 'txt', 'html', 'htm', 'xml']);

/** Two increasing lists of offsets as one. */
function merged(a: number[], b: number[]): number[] {
  return b.length === 0 ? a : [...a, ...b].sort((x, y) => x - y);
}

/** Where an address can start its domain: every `@` and every `%40`. */
export function emailStarts(text: string): number[] {
  return merged(offsetsOf(text, '@'), offsetsOf(text, '%40'));
}

/** Skips one space to the left of `i`. */
function skipSpace(text: string, i: number): number {
  return text.charCodeAt(i) === 32 ? i - 1 : i;
}

/**
 * Offset of the `[`, `(` or `{` that opens an `at` marker closed at
 * `close` (`[at]`, `( at )`, any case), or -1.
 */
function markerStart(text: string, close: number): number {
  const t = skipSpace(text, close - 1);
  if ((text.charCodeAt(t) | 32) !== 116 || (text.charCodeAt(t - 1) | 32) !== 97) return -1;
  const open = skipSpace(text, t - 2);
  return '[({'.includes(text[open] ?? '') ? open : -1;
}

/**
 * Where an obfuscated `[at]` opens. Found from the closing brackets, each
 * a native search for one character: cheaper than a regex over the text.
 */
export function obfuscatedStarts(text: string): number[] {
  const starts: number[] = [];
  for (const close of [']', ')', '}']) {
    for (const offset of offsetsOf(text, close)) {
      const open = markerStart(text, offset);
      if (open !== -1) starts.push(open);
    }
  }
  return starts.sort((a, b) => a - b);
}

/**
 * Start of the local part that ends at `end`: at most 64 characters
 * (RFC 5321), leading dots and quotes left out. -1 when there is none.
 */
function localPartStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 64 && isLocalChar(text[start - 1] as string)) start -= 1;
  while (start < end && (text[start] === '.' || text[start] === "'")) start += 1;
  return start < end ? start : -1;
}

/** The top-level domain at the end of a match. */
function topLevel(domain: string): string {
  return domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
}

/** Walks left from the `@` over the local part; drops file names (`logo@2x.png`). */
export function expandEmail(text: string, match: RegExpExecArray): [number, number] | undefined {
  const start = localPartStart(text, match.index);
  if (start === -1 || FILE_EXTENSIONS.has(topLevel(match[0]))) return undefined;
  return [start, match.index + match[0].length];
}

/** The top-level domain at the end of an obfuscated address (`[dot] com`, `.com`). */
function obfuscatedTopLevel(value: string): string {
  return /[A-Za-z]+$/.exec(value)?.[0].toLowerCase() ?? '';
}

/**
 * Walks left from an obfuscated `[at]` (and one space before it) over the
 * local part; the top-level domain must be a country's or a common one.
 */
export function expandObfuscated(text: string,
  match: RegExpExecArray): [number, number] | undefined {
  const topLevelDomain = obfuscatedTopLevel(match[0]);
  if (topLevelDomain.length !== 2 && !OBFUSCATED_TOP_LEVEL.has(topLevelDomain)) return undefined;
  const end = text[match.index - 1] === ' ' ? match.index - 1 : match.index;
  const start = localPartStart(text, end);
  return start === -1 ? undefined : [start, match.index + match[0].length];
}
