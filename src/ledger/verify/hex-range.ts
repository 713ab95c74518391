import { emptyRoot, nodeHashHex } from '../merkle/hash.js';

/**
 * A compact range (see `CompactRange`) over hashes in lowercase hex, for
 * verification: it replays millions of leaves, and hex strings compare
 * directly with the stored nodes read as hex, where a Buffer per hash
 * would cost more than the hashing. The subtrees each append completes are
 * left in `completed` (index = level) instead of new objects.
 *
 * A range may start at a leaf other than 0 with nothing on its edge: it
 * then hashes one segment of the tree on its own, as a verification thread
 * does. Such a start must be a multiple of the segment's size, so that the
 * segment's subtrees are subtrees of the whole tree.
 */
export class HexRange {
  #size: number;
  readonly #edge: string[] = [];
  /** Hashes of the subtrees the last append completed, by level, up to `levels - 1`. */
  readonly completed: string[] = [];
  levels = 0;

  /** @param start index of the first leaf (0 for a whole tree) */
  constructor(start = 0) {
    this.#size = start;
  }

  get size(): number {
    return this.#size;
  }

  /** Copy of the right edge in hex, biggest subtree first. */
  get edge(): string[] {
    return [...this.#edge];
  }

  /**
   * Appends a leaf hash, or the root of a whole subtree at `level` (whose
   * leaves start at the current size), and sets `completed[level]` onwards
   * to the subtrees it completes.
   */
  append(hash: string, level = 0): void {
    let index = this.#size / 2 ** level;
    let at = level;
    this.completed[at] = hash;
    // Each trailing one bit of the index closes one subtree (RFC 9162 §2.1.1
    // splits); a segment replayed alone stops merging at its own start.
    while (index % 2 === 1 && this.#edge.length > 0) {
      hash = nodeHashHex(this.#edge.pop() as string, hash);
      index = Math.floor(index / 2);
      at += 1;
      this.completed[at] = hash;
    }
    this.levels = at + 1;
    this.#edge.push(hash);
    this.#size += 2 ** level;
  }

  /**
   * Root hash, in hex, of the tree so far followed by `tail` (the right
   * edge of a segment that starts where this range ends): RFC 9162 §2.1.1,
   * a right fold of the edge.
   */
  rootHex(tail: readonly string[] = []): string {
    const edge = tail.length === 0 ? this.#edge : [...this.#edge, ...tail];
    if (edge.length === 0) return emptyRoot().toString('hex');
    let hash = edge[edge.length - 1] as string;
    for (let i = edge.length - 2; i >= 0; i -= 1) {
      hash = nodeHashHex(edge[i] as string, hash);
    }
    return hash;
  }

  /** Root hash of the tree so far. */
  root(): Buffer {
    return Buffer.from(this.rootHex(), 'hex');
  }
}
