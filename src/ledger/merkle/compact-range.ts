import { emptyRoot, nodeHash } from './hash.js';
import { half, lowBit } from './tree-math.js';

/** A full subtree hash produced while appending: `index` at `level`. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The right edge of a growing RFC 9162 tree: one hash per set bit of its
 * size, the roots of its perfect subtrees from left to right. Appending a
 * leaf merges equal-sized neighbours, so each append costs amortised one
 * node hash and emits exactly the full subtrees it completes.
 */
export class CompactRange {
  #size: number;
  readonly #edge: Buffer[];

  /** @param size tree size; @param edge its perfect-subtree roots, biggest first. */
  constructor(size = 0, edge: Buffer[] = []) {
    this.#size = size;
    this.#edge = [...edge];
  }

  get size(): number {
    return this.#size;
  }

  /** Copy of the right edge, biggest subtree first. */
  get edge(): Buffer[] {
    return [...this.#edge];
  }

  /** Appends a leaf hash; returns the leaf and every subtree it completes. */
  append(leaf: Buffer): TreeNode[] {
    const made: TreeNode[] = [{ level: 0, index: this.#size, hash: leaf }];
    let hash = leaf;
    let index = this.#size;
    let level = 0;
    while (lowBit(index)) {
      const left = this.#edge.pop() as Buffer;
      hash = nodeHash(left, hash);
      index = half(index);
      level += 1;
      made.push({ level, index, hash });
    }
    this.#edge.push(hash);
    this.#size += 1;
    return made;
  }

  /** Root hash of the tree so far (RFC 9162 §2.1.1: right fold of the edge). */
  root(): Buffer {
    if (this.#edge.length === 0) return emptyRoot();
    let hash = this.#edge[this.#edge.length - 1] as Buffer;
    for (let i = this.#edge.length - 2; i >= 0; i -= 1) {
      hash = nodeHash(this.#edge[i] as Buffer, hash);
    }
    return hash;
  }
}

/** The `{ level, index }` of each perfect subtree on the right edge of a tree of `size`. */
export function edgePositions(size: number): { level: number; index: number }[] {
  const positions: { level: number; index: number }[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level -= 1) {
    const span = 2 ** level;
    if (size - start >= span) {
      positions.push({ level, index: start / span });
      start += span;
    }
  }
  return positions;
}
