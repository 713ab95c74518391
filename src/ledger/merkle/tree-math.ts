/**
 * Integer helpers for RFC 9162 trees. Sizes go up to 2^53, so these use
 * arithmetic instead of JavaScript's 32-bit bit operators.
 */

/** Largest power of two strictly below `n` (n >= 2): the split point k of §2.1.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when `n` is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n: number): boolean {
  return n >= 1 && splitPoint(n * 2) === n;
}

/** Halves `n`, dropping the remainder, like `n >> 1` beyond 32 bits. */
export function half(n: number): number {
  return Math.floor(n / 2);
}

/** True when the least significant bit of `n` is set. */
export function lowBit(n: number): boolean {
  return n % 2 === 1;
}

/**
 * Splits the range [start, end) into the aligned full subtrees that cover
 * it, left to right, as `{ level, index }` (leaves 2^level * index onwards).
 * The ranges met in RFC 9162 proofs start at a multiple of a power of two at
 * least as large as the range, so the pieces follow the bits of its size.
 */
export function fullSubtrees(start: number, end: number): { level: number; index: number }[] {
  const pieces: { level: number; index: number }[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    pieces.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return pieces;
}
