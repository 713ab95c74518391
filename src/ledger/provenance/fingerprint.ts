/** Words per shingle. */
export const SHINGLE_WORDS = 5;

/** Winnowing window, in shingles. */
export const WINDOW = 12;

/**
 * Shortest shared run of words that is sure to share a fingerprint: the
 * winnowing guarantee t = w + k - 1 (Schleimer, Wilkerson, Aiken 2003).
 */
export const GUARANTEED_WORDS = WINDOW + SHINGLE_WORDS - 1;

/** A word of a normalised text and where it sits in that text. */
export interface Word {
  hash: number;
  start: number;
  end: number;
}

/** A shingle hash and the index of its first word. */
export interface Fingerprint {
  hash: number;
  word: number;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const ASCII = /^[\x00-\x7f]*$/;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** True when the code point at `i` belongs to a word; ASCII without a regex. */
function isWordChar(text: string, i: number, code: number): boolean {
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** FNV-1a step over one character, case-folded. */
function foldInto(hash: number, text: string, i: number, code: number): number {
  if (code < 128) {
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    return Math.imul(hash ^ lower, FNV_PRIME) >>> 0;
  }
  const folded = String.fromCodePoint(text.codePointAt(i) as number).toLowerCase();
  for (let j = 0; j < folded.length; j += 1) {
    hash = Math.imul(hash ^ folded.charCodeAt(j), FNV_PRIME) >>> 0;
  }
  return hash;
}

/**
 * Splits a text into words after NFKC normalisation and case folding, so
 * that changes of case, punctuation, white space and compatibility forms
 * do not change the fingerprints. Offsets refer to the NFKC text. A hand
 * scanner, because a Unicode regex per word costs more than the hashing.
 */
export function words(text: string, seed: number): { normalised: string; words: Word[] } {
  // ASCII is already in NFKC; skipping the call saves a copy of every answer.
  const normalised = ASCII.test(text) ? text : text.normalize('NFKC');
  const found: Word[] = [];
  let start = -1;
  let hash = 0;
  for (let i = 0; i < normalised.length; i += 1) {
    const code = normalised.charCodeAt(i);
    const wide = code >= 0xd800 && code <= 0xdbff;
    if (isWordChar(normalised, i, code)) {
      if (start < 0) {
        start = i;
        hash = (FNV_OFFSET ^ seed) >>> 0;
      }
      hash = foldInto(hash, normalised, i, code);
    } else if (start >= 0) {
      found.push({ hash, start, end: i });
      start = -1;
    }
    if (wide) i += 1;
  }
  if (start >= 0) found.push({ hash, start, end: normalised.length });
  return { normalised, words: found };
}

/** Hashes of every run of SHINGLE_WORDS words (one shingle for shorter texts). */
export function shingles(list: readonly Word[]): Fingerprint[] {
  const count = Math.max(list.length - SHINGLE_WORDS + 1, list.length > 0 ? 1 : 0);
  const out: Fingerprint[] = [];
  for (let i = 0; i < count; i += 1) {
    let hash = 0x9e3779b9;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, list.length); j += 1) {
      hash = Math.imul(hash ^ (list[j] as Word).hash, 0x85ebca6b) >>> 0;
      hash = (hash ^ (hash >>> 13)) >>> 0;
    }
    out.push({ hash, word: i });
  }
  return out;
}

/**
 * Winnowing: in every window of WINDOW shingles keep the smallest hash
 * (the rightmost on ties), once per position. Any shared passage of at least
 * GUARANTEED_WORDS words then shares a kept fingerprint.
 */
export function winnow(all: readonly Fingerprint[]): Fingerprint[] {
  if (all.length <= WINDOW) {
    const min = all.reduce<Fingerprint | undefined>(
      (best, f) => (best === undefined || f.hash <= best.hash ? f : best), undefined);
    return min ? [min] : [];
  }
  const kept: Fingerprint[] = [];
  let last = -1;
  for (let start = 0; start + WINDOW <= all.length; start += 1) {
    let best = start;
    for (let i = start + 1; i < start + WINDOW; i += 1) {
      if ((all[i] as Fingerprint).hash <= (all[best] as Fingerprint).hash) best = i;
    }
    if (best !== last) {
      kept.push(all[best] as Fingerprint);
      last = best;
    }
  }
  return kept;
}

/** The distinct winnowed fingerprints of an answer, as stored in the index. */
export function answerFingerprints(text: string, seed: number): Uint32Array {
  const kept = winnow(shingles(words(text, seed).words));
  return Uint32Array.from(new Set(kept.map((f) => f.hash)));
}
