import { emptyRoot, nodeHash } from './hash.js';
import { fullSubtrees, splitPoint } from './tree-math.js';

/** Returns the stored hash of the full subtree `index` at `level` (level 0 = leaves). */
export type NodeSource = (level: number, index: number) => Uint8Array;

/**
 * MTH(D[start:end]) of RFC 9162 §2.1.1 from stored full-subtree hashes: the
 * left part of every split is a full subtree, so the hash is a right fold
 * over the aligned pieces, about log2(n) lookups and no re-hashing of leaves.
 */
export function rangeHash(start: number, end: number, get: NodeSource): Uint8Array {
  if (end <= start) return emptyRoot();
  const pieces = fullSubtrees(start, end);
  const last = pieces[pieces.length - 1] as { level: number; index: number };
  let hash = get(last.level, last.index);
  for (let i = pieces.length - 2; i >= 0; i -= 1) {
    const piece = pieces[i] as { level: number; index: number };
    hash = nodeHash(get(piece.level, piece.index), hash);
  }
  return hash;
}

/** Root of the tree of the first `size` entries. */
export function treeRoot(size: number, get: NodeSource): Uint8Array {
  return rangeHash(0, size, get);
}

/**
 * Inclusion proof PATH(m, D[n]) of RFC 9162 §2.1.3.1, ordered from the leaf
 * up. Throws RangeError when `index` is not below `size`.
 */
export function inclusionProof(index: number, size: number, get: NodeSource): Uint8Array[] {
  if (index < 0 || index >= size) throw new RangeError(`index ${index} not in tree of ${size}`);

  const fromRoot: Uint8Array[] = [];
  let lo = 0;
  let hi = size;
  let m = index;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (m < k) {
      fromRoot.push(rangeHash(lo + k, hi, get));
      hi = lo + k;
    } else {
      fromRoot.push(rangeHash(lo, lo + k, get));
      lo += k;
      m -= k;
    }
  }
  return fromRoot.reverse();
}

/**
 * Consistency proof PROOF(m, D[n]) of RFC 9162 §2.1.4.1 between the tree of
 * `size1` and the tree of `size2`. Empty when the sizes are equal or the
 * first tree is empty. Throws RangeError when size1 > size2.
 */
export function consistencyProof(size1: number, size2: number, get: NodeSource): Uint8Array[] {
  if (size1 < 0 || size1 > size2) throw new RangeError(`no proof from ${size1} to ${size2}`);
  if (size1 === 0 || size1 === size2) return [];

  // SUBPROOF(m, D[lo:hi], b), unrolled; elements are pushed root-first.
  const fromRoot: Uint8Array[] = [];
  let lo = 0;
  let hi = size2;
  let m = size1;
  let whole = true;
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      fromRoot.push(rangeHash(lo + k, hi, get));
      hi = lo + k;
    } else {
      fromRoot.push(rangeHash(lo, lo + k, get));
      lo += k;
      m -= k;
      whole = false;
    }
  }
  if (!whole) fromRoot.push(rangeHash(lo, hi, get));
  return fromRoot.reverse();
}
