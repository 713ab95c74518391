import { nodeHash } from './hash.js';
import { half, isPowerOfTwo, lowBit } from './tree-math.js';

/**
 * Checks an inclusion proof with the algorithm of RFC 9162 §2.1.3.2.
 * Returns true when `leaf` is entry `index` of the tree of `size` with `root`.
 */
export function verifyInclusion(
  index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) return false;

  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (lowBit(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Climb past the levels where this node is a left child with no sibling.
      while (!lowBit(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && Buffer.from(r).equals(root);
}

/**
 * Checks a consistency proof with the algorithm of RFC 9162 §2.1.4.2: true
 * when the tree of `size2` with `root2` extends the tree of `size1` with
 * `root1`. Equal sizes need an empty proof and equal roots; an empty first
 * tree is consistent with every tree.
 */
export function verifyConsistency(
  size1: number, size2: number, root1: Uint8Array, root2: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;

  // Step 2: a first tree that is a full subtree is itself the first node.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (lowBit(fn)) {
    fn = half(fn);
    sn = half(sn);
  }

  let fr: Uint8Array = path[0] as Uint8Array;
  let sr: Uint8Array = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (lowBit(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!lowBit(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && Buffer.from(fr).equals(root1) && Buffer.from(sr).equals(root2);
}
