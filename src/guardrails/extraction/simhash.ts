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

/** FNV-1a hash of each word (letters and digits, lower-cased). */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const words = text.slice(0, MAX_CHARS).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i += 1) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    hashes.push(h);
  }
  return hashes;
}

/**
 * SimHash (Charikar 2002) of a text's word 3-shingles: near-duplicate
 * texts get hashes a few bits apart. Texts under three words hash their words.
 */
export function simHash(text: string): SimHash {
  const words = wordHashes(text);
  const votes = new Int32Array(64);
  const width = Math.min(3, Math.max(1, words.length));

  for (let i = 0; i + width <= words.length; i += 1) {
    let shingle = 0;
    for (let k = 0; k < width; k += 1) shingle = Math.imul(shingle ^ (words[i + k] as number), 31);
    const high = mix(shingle, 0x9e3779b9);
    const low = mix(shingle, 0x7f4a7c15);
    for (let bit = 0; bit < 32; bit += 1) {
      votes[bit] = (votes[bit] as number) + (((high >>> bit) & 1) << 1) - 1;
      votes[bit + 32] = (votes[bit + 32] as number) + (((low >>> bit) & 1) << 1) - 1;
    }
  }

  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if ((votes[bit] as number) > 0) high |= 1 << bit;
    if ((votes[bit + 32] as number) > 0) low |= 1 << bit;
  }
  return { high: high >>> 0, low: low >>> 0 };
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Number of differing bits between two SimHashes. */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return popcount((a.high ^ b.high) >>> 0) + popcount((a.low ^ b.low) >>> 0);
}
