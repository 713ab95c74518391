/** A 64-bit SimHash as two unsigned 32-bit halves. */
export interface SimHash {
  readonly high: number;
  readonly low: number;
}

/** Prompts longer than this are hashed on their start: enough to tell near-duplicates. */
const MAX_CHARS = 4_000;

function mix(hash: number, seed: number): number {
  let h = Math.imul(hash ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Reused by every call (hashing is synchronous): a fresh 8 KiB array per
// request is memory outside the JavaScript heap until a collection frees it.
const counts = new Int32Array(8 * 256);
const ones = new Int32Array(64);
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a hash of each word (letters and digits, lower-cased), read in one
 * pass over the text without cutting words out of it: this runs on every
 * request, and the regex-and-substrings way allocated a string per word.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const end = Math.min(text.length, MAX_CHARS);
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < end; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      const lower = code >= 65 && code <= 90;
      if (!(lower || (code >= 97 && code <= 122) || (code >= 48 && code <= 57))) {
        if (inWord) hashes.push(h);
        inWord = false;
        h = FNV_OFFSET;
        continue;
      }
      if (lower) code += 32;
      h = Math.imul(h ^ code, FNV_PRIME);
      inWord = true;
      continue;
    }
    const point = text.codePointAt(i) as number;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i += 1;
    if (!WORD_CHAR.test(char)) {
      if (inWord) hashes.push(h);
      inWord = false;
      h = FNV_OFFSET;
      continue;
    }
    const lowered = char.toLowerCase();
    for (let k = 0; k < lowered.length; k += 1) h = Math.imul(h ^ lowered.charCodeAt(k), FNV_PRIME);
    inWord = true;
  }
  if (inWord) hashes.push(h);
  return hashes;
}

/**
 * SimHash (Charikar 2002) of a text's word 3-shingles: near-duplicate
 * texts get hashes a few bits apart. Texts under three words hash their words.
 * Votes are counted per byte value (8 increments a shingle) and turned into
 * per-bit votes once at the end, instead of 64 updates a shingle.
 */
export function simHash(text: string): SimHash {
  const words = wordHashes(text);
  counts.fill(0);
  ones.fill(0);
  const width = Math.min(3, Math.max(1, words.length));
  let shingles = 0;

  for (let i = 0; i + width <= words.length; i += 1) {
    let shingle = 0;
    for (let k = 0; k < width; k += 1) shingle = Math.imul(shingle ^ (words[i + k] as number), 31);
    const high = mix(shingle, 0x9e3779b9);
    const low = mix(shingle, 0x7f4a7c15);
    for (let byte = 0; byte < 4; byte += 1) {
      const lowAt = (byte << 8) + ((low >>> (byte * 8)) & 0xff);
      const highAt = 1024 + (byte << 8) + ((high >>> (byte * 8)) & 0xff);
      counts[lowAt] = (counts[lowAt] as number) + 1;
      counts[highAt] = (counts[highAt] as number) + 1;
    }
    shingles += 1;
  }

  // Bit b of half h is set when more shingles had it set than not.
  for (let byte = 0; byte < 8; byte += 1) {
    for (let value = 1; value < 256; value += 1) {
      const count = counts[(byte << 8) + value] as number;
      if (count === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) {
        if ((value >>> bit) & 1) ones[byte * 8 + bit] = (ones[byte * 8 + bit] as number) + count;
      }
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (2 * (ones[bit] as number) > shingles) low |= 1 << bit;
    if (2 * (ones[bit + 32] as number) > shingles) high |= 1 << bit;
  }
  return { high: high >>> 0, low: low >>> 0 };
}

/** Number of set bits of a 32-bit unsigned integer. */
export function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Number of differing bits between two SimHashes. */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return popcount((a.high ^ b.high) >>> 0) + popcount((a.low ^ b.low) >>> 0);
}
