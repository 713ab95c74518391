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

/** Lower-case code of each ASCII letter and digit; 0 for every other ASCII character. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => {
  if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) return code;
  return code >= 65 && code <= 90 ? code + 32 : 0;
});

/** True when the code point at `i`, beyond ASCII, belongs to a word. */
function isWideWordChar(text: string, i: number): boolean {
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/** FNV-1a step over one character beyond ASCII, case-folded. */
function foldWide(hash: number, text: string, i: number): number {
  const folded = String.fromCodePoint(text.codePointAt(i) as number).toLowerCase();
  for (let j = 0; j < folded.length; j += 1) {
    hash = Math.imul(hash ^ folded.charCodeAt(j), FNV_PRIME);
  }
  return hash;
}

/** Hash, start and end of the words `scanWords` found, reused between calls. */
let wordHashes: Uint32Array = new Uint32Array(256);
let wordStarts: Uint32Array = new Uint32Array(256);
let wordEnds: Uint32Array = new Uint32Array(256);

/** Doubles the word arrays, keeping the first `count` words. */
function growWords(count: number): void {
  const grow = (old: Uint32Array): Uint32Array => {
    const bigger = new Uint32Array(old.length * 2);
    bigger.set(old.subarray(0, count));
    return bigger;
  };
  wordHashes = grow(wordHashes);
  wordStarts = grow(wordStarts);
  wordEnds = grow(wordEnds);
}

/**
 * Finds the words of a text after NFKC normalisation and case folding, into
 * `wordHashes`, `wordStarts` and `wordEnds`; returns the normalised text and
 * the word count. A hand scanner with a table for ASCII, because a Unicode
 * regex per word costs more than the hashing; typed arrays, because it runs
 * on every answer the ledger indexes. Hashes stay 32-bit integers until stored.
 */
function scanWords(text: string, seed: number): { normalised: string; count: number } {
  // ASCII is already in NFKC; skipping the call saves a copy of every answer.
  const normalised = ASCII.test(text) ? text : text.normalize('NFKC');
  const length = normalised.length;
  let count = 0;
  let start = -1;
  let hash = 0;
  // One pass past the end closes the last word; no closure, so the loop's
  // variables stay in registers.
  for (let i = 0; i <= length; i += 1) {
    const code = i < length ? normalised.charCodeAt(i) : 32;
    const lower = code < 128 ? ASCII_WORD[code] as number : 0;
    if (lower !== 0 || (code >= 128 && isWideWordChar(normalised, i))) {
      if (start < 0) {
        start = i;
        hash = FNV_OFFSET ^ seed;
      }
      hash = lower !== 0 ? Math.imul(hash ^ lower, FNV_PRIME) : foldWide(hash, normalised, i);
    } else if (start >= 0) {
      if (count === wordHashes.length) growWords(count);
      wordHashes[count] = hash;
      wordStarts[count] = start;
      wordEnds[count] = i;
      count += 1;
      start = -1;
    }
    if (code >= 0xd800 && code <= 0xdbff) i += 1;
  }
  return { normalised, count };
}

/**
 * Splits a text into words after NFKC normalisation and case folding, so
 * that changes of case, punctuation, white space and compatibility forms
 * do not change the fingerprints. Offsets refer to the NFKC text.
 */
export function words(text: string, seed: number): { normalised: string; words: Word[] } {
  const { normalised, count } = scanWords(text, seed);
  const found: Word[] = [];
  for (let i = 0; i < count; i += 1) {
    found.push({ hash: wordHashes[i] as number, start: wordStarts[i] as number,
      end: wordEnds[i] as number });
  }
  return { normalised, words: found };
}

/** Hash of the shingle of `count` words starting at `first`. */
function shingleHash(hashes: Uint32Array, first: number, count: number): number {
  let hash = 0x9e3779b9;
  for (let j = first; j < first + count; j += 1) {
    hash = Math.imul(hash ^ (hashes[j] as number), 0x85ebca6b) >>> 0;
    hash = (hash ^ (hash >>> 13)) >>> 0;
  }
  return hash;
}

/** How many shingles a text of `wordCount` words has (one for shorter texts). */
function shingleCount(wordCount: number): number {
  return Math.max(wordCount - SHINGLE_WORDS + 1, wordCount > 0 ? 1 : 0);
}

/** Hashes of every run of SHINGLE_WORDS words (one shingle for shorter texts). */
export function shingles(list: readonly Word[]): Fingerprint[] {
  const hashes = Uint32Array.from(list, (w) => w.hash);
  const out: Fingerprint[] = [];
  for (let i = 0; i < shingleCount(list.length); i += 1) {
    out.push({ hash: shingleHash(hashes, i, Math.min(SHINGLE_WORDS, list.length - i)), word: i });
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

// Shingle hashes of `answerFingerprints`, reused: it runs once per indexed answer.
let shingleScratch = new Uint32Array(256);
let windowScratch = new Int32Array(WINDOW + 1);

/**
 * The distinct winnowed fingerprints of an answer, as stored in the index:
 * the same values as `winnow(shingles(words(text, seed).words))`, computed
 * over typed arrays with a sliding-window minimum (a ring of candidate
 * positions with increasing hashes) instead of rescanning every window,
 * because it runs on every answer the ledger indexes.
 */
export function answerFingerprints(text: string, seed: number): Uint32Array {
  const { count } = scanWords(text, seed);
  const total = shingleCount(count);
  if (shingleScratch.length < total) shingleScratch = new Uint32Array(total * 2);
  for (let i = 0; i < total; i += 1) {
    shingleScratch[i] = shingleHash(wordHashes, i, Math.min(SHINGLE_WORDS, count - i));
  }
  return distinct(slidingMinima(shingleScratch, total));
}

/**
 * Hashes kept by winnowing `total` shingles: per window the rightmost
 * smallest hash, once per position. The ring holds positions whose hashes
 * increase from its head, so its head is the window's pick; a position
 * evicts every earlier one with a hash not smaller (ties go right).
 */
function slidingMinima(hashes: Uint32Array, total: number): number[] {
  const kept: number[] = [];
  const width = Math.min(WINDOW, total);
  if (windowScratch.length < width + 1) windowScratch = new Int32Array(width + 1);
  const ring = windowScratch;
  const slots = ring.length;
  let head = 0;
  let size = 0;
  let last = -1;
  for (let i = 0; i < total; i += 1) {
    const hash = hashes[i] as number;
    while (size > 0 && (hashes[ring[(head + size - 1) % slots] as number] as number) >= hash) {
      size -= 1;
    }
    ring[(head + size) % slots] = i;
    size += 1;
    if ((ring[head] as number) <= i - width) {
      head = (head + 1) % slots;
      size -= 1;
    }
    const best = ring[head] as number;
    if (i >= width - 1 && best !== last) {
      kept.push(hashes[best] as number);
      last = best;
    }
  }
  return kept;
}

/** The values in first-seen order without repeats (a few dozen, so a scan beats a Set). */
function distinct(values: readonly number[]): Uint32Array {
  const out = new Uint32Array(values.length);
  let length = 0;
  for (const value of values) {
    let seen = false;
    for (let j = 0; j < length && !seen; j += 1) seen = out[j] === value;
    if (!seen) out[length++] = value;
  }
  return out.subarray(0, length);
}
