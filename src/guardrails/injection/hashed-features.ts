/**
 * Hashed n-gram features shared by the classifier at run time and by
 * `scripts/train-injection.ts`: word 1-3 grams and character 3-5 grams of
 * the folded text, digits collapsed to `0` and whitespace runs to one space,
 * each hashed into 2^19 buckets. Any change here changes the model: retrain.
 */

/** Number of hash buckets, as a power of two. */
export const BUCKET_BITS = 19;

/**
 * Features are counts divided by (their total) ** NORM_POWER, the square
 * root: the mean (power 1) flattened every score towards the bias and lost a
 * fifth of the recall on held-out repositories.
 */
export const NORM_POWER = 0.5;

/** Mask that keeps a hash inside the bucket range. */
export const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

const FNV_PRIME = 0x01000193;
const CHAR_SEED = 0x811c9dc5;
const WORD_SEED = 0x2f693b4d;
const BIGRAM_SALT = 0x9e3779b9;
const TRIGRAM_SALT = 0x7f4a7c15;

/**
 * Receives one feature: its bucket and its position, the index of the
 * normalised character a character n-gram starts at or a word n-gram ends at.
 */
export type FeatureVisitor = (bucket: number, position: number) => void;

/** Final avalanche so that similar chains land in unrelated buckets (murmur3 fmix32). */
function finish(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & BUCKET_MASK;
}

function bigramBucket(previous: number, h: number): number {
  return finish(Math.imul(previous ^ BIGRAM_SALT, FNV_PRIME) ^ h);
}

function trigramBucket(older: number, previous: number, h: number): number {
  return finish(Math.imul(Math.imul(older ^ TRIGRAM_SALT, FNV_PRIME) ^ previous, FNV_PRIME) ^ h);
}

function isWordUnit(unit: number): boolean {
  if (unit >= 97 && unit <= 122) return true;
  if (unit === 48) return true;
  // Non-ASCII letters (accents are already folded away); punctuation blocks excluded.
  return unit >= 0xc0 && !(unit >= 0x2000 && unit <= 0x206f) && !(unit >= 0x3000 && unit <= 0x303f)
    && !(unit >= 0xff00 && unit <= 0xff0f);
}

function isSpace(unit: number): boolean {
  return unit === 32 || (unit >= 9 && unit <= 13) || unit === 0xa0 || unit === 0x3000;
}

/**
 * Normalises already folded text for the model: every digit becomes `0`,
 * whitespace runs become one space.
 * @returns the normalised units.
 */
export function normaliseForModel(folded: string): Uint16Array {
  const units = new Uint16Array(folded.length);
  let n = 0;
  let lastSpace = true;

  for (let i = 0; i < folded.length; i += 1) {
    const unit = folded.charCodeAt(i);
    if (isSpace(unit)) {
      if (!lastSpace) units[n++] = 32;
      lastSpace = true;
      continue;
    }
    units[n++] = unit >= 48 && unit <= 57 ? 48 : unit;
    lastSpace = false;
  }
  return units.subarray(0, n);
}

/**
 * The length normaliseForModel would give, counted only up to `limit`: to
 * know whether a text is long without building its units.
 */
export function normalisedLength(folded: string, limit: number): number {
  let n = 0;
  let lastSpace = true;
  for (let i = 0; i < folded.length && n < limit; i += 1) {
    const space = isSpace(folded.charCodeAt(i));
    if (!(space && lastSpace)) n += 1;
    lastSpace = space;
  }
  return n;
}

/**
 * Where normalised unit `index` came from in the folded text: the same walk
 * as normaliseForModel, run only when a finding needs its offsets.
 */
export function foldedIndexOf(folded: string, index: number): number {
  let n = 0;
  let lastSpace = true;
  for (let i = 0; i < folded.length; i += 1) {
    const space = isSpace(folded.charCodeAt(i));
    if (space && lastSpace) continue;
    if (n === index) return i;
    n += 1;
    lastSpace = space;
  }
  return folded.length;
}

/**
 * Calls `visit` once per feature of the normalised text `units`, in order of
 * position: character 3, 4 and 5-grams, then word 1, 2 and 3-grams.
 */
export function forEachFeature(units: Uint16Array, visit: FeatureVisitor): void {
  const length = units.length;

  for (let start = 0; start + 3 <= length; start += 1) {
    let h = CHAR_SEED;
    h = Math.imul(h ^ (units[start] as number), FNV_PRIME);
    h = Math.imul(h ^ (units[start + 1] as number), FNV_PRIME);
    h = Math.imul(h ^ (units[start + 2] as number), FNV_PRIME);
    visit(finish(h), start);
    if (start + 4 > length) continue;
    h = Math.imul(h ^ (units[start + 3] as number), FNV_PRIME);
    visit(finish(h), start);
    if (start + 5 > length) continue;
    h = Math.imul(h ^ (units[start + 4] as number), FNV_PRIME);
    visit(finish(h), start);
  }

  let previous = 0;
  let older = 0;
  let words = 0;
  let h = WORD_SEED;
  let inWord = false;

  for (let i = 0; i <= length; i += 1) {
    const unit = i < length ? (units[i] as number) : 32;
    if (isWordUnit(unit)) {
      h = Math.imul(h ^ unit, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (!inWord) continue;

    visit(finish(h), i - 1);
    if (words >= 1) visit(bigramBucket(previous, h), i - 1);
    if (words >= 2) visit(trigramBucket(older, previous, h), i - 1);
    older = previous;
    previous = h;
    words += 1;
    h = WORD_SEED;
    inWord = false;
  }
}

/**
 * Character n-gram half of sumFeatureWeights (a function of its own so each
 * loop optimises). The three n-grams starting at a position are summed
 * there, with one plain store: the arrays are fresh.
 */
function sumCharGrams(units: Uint16Array, weights: Int8Array, sums: Int32Array,
  counts: Int32Array): void {
  const length = units.length;
  for (let start = 0; start + 3 <= length; start += 1) {
    let h = Math.imul(CHAR_SEED ^ (units[start] as number), FNV_PRIME);
    h = Math.imul(h ^ (units[start + 1] as number), FNV_PRIME);
    h = Math.imul(h ^ (units[start + 2] as number), FNV_PRIME);
    let sum = weights[finish(h)] as number;
    let count = 1;
    if (start + 4 <= length) {
      h = Math.imul(h ^ (units[start + 3] as number), FNV_PRIME);
      sum += weights[finish(h)] as number;
      count += 1;
      if (start + 5 <= length) {
        h = Math.imul(h ^ (units[start + 4] as number), FNV_PRIME);
        sum += weights[finish(h)] as number;
        count += 1;
      }
    }
    sums[start + 1] = sum;
    counts[start + 1] = count;
  }
}

/** Word n-gram half of sumFeatureWeights. */
function sumWordGrams(units: Uint16Array, weights: Int8Array, sums: Int32Array,
  counts: Int32Array): void {
  const length = units.length;
  let previous = 0;
  let older = 0;
  let words = 0;
  let h = WORD_SEED;
  let inWord = false;
  for (let i = 0; i <= length; i += 1) {
    const unit = i < length ? (units[i] as number) : 32;
    if (isWordUnit(unit)) {
      h = Math.imul(h ^ unit, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (!inWord) continue;

    let sum = weights[finish(h)] as number;
    let count = 1;
    if (words >= 1) {
      sum += weights[bigramBucket(previous, h)] as number;
      count += 1;
    }
    if (words >= 2) {
      sum += weights[trigramBucket(older, previous, h)] as number;
      count += 1;
    }
    sums[i] = (sums[i] as number) + sum;
    counts[i] = (counts[i] as number) + count;
    older = previous;
    previous = h;
    words += 1;
    h = WORD_SEED;
    inWord = false;
  }
}

/**
 * The walk of forEachFeature without a callback, for scoring: adds each
 * feature's quantised weight to `sums[p + 1]` and one to `counts[p + 1]`,
 * p being the feature's position. This is the guardrails' hot loop.
 */
export function sumFeatureWeights(units: Uint16Array, weights: Int8Array, sums: Int32Array,
  counts: Int32Array): void {
  sumCharGrams(units, weights, sums, counts);
  sumWordGrams(units, weights, sums, counts);
}
