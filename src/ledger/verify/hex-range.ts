import { emptyRoot, nodeHashHex } from '../merkle/hash.js';

/**
 * A compact range (see `CompactRange`) over hashes in lowercase hex, for
 * verification: it replays millions of leaves, and hex strings compare
 * directly with the stored nodes read as hex, where a Buffer per hash
 * would cost more than the hashing. The subtrees each append completes are
 * left in `completed` (index = level, leaf first) instead of new objects.
 */
export class HexRange {
  #size = 0;
  readonly #edge: string[] = [];
  /** Hashes of the subtrees the last append completed, by level; `levels` of them. */
  readonly completed: string[] = [];
  levels = 0;

  get size(): number {
    return this.#size;
  }

  /** Appends a leaf hash and sets `completed` to the subtrees it completes. */
  append(leaf: string): void {
    let hash = leaf;
    let index = this.#size;
    let level = 0;
    this.completed[0] = leaf;
    // Leaf n completes one subtree per trailing one bit of n (RFC 9162 §2.1.1 splits).
    while (index % 2 === 1) {
      hash = nodeHashHex(this.#edge.pop() as string, hash);
      index = Math.floor(index / 2);
      level += 1;
      this.completed[level] = hash;
    }
    this.levels = level + 1;
    this.#edge.push(hash);
    this.#size += 1;
  }

  /** Root hash of the tree so far (RFC 9162 §2.1.1: right fold of the edge), in hex. */
  rootHex(): string {
    if (this.#edge.length === 0) return emptyRoot().toString('hex');
    let hash = this.#edge[this.#edge.length - 1] as string;
    for (let i = this.#edge.length - 2; i >= 0; i -= 1) {
      hash = nodeHashHex(this.#edge[i] as string, hash);
    }
    return hash;
  }

  /** Root hash of the tree so far. */
  root(): Buffer {
    return Buffer.from(this.rootHex(), 'hex');
  }
}
