import { nodeKey } from './node-key.js';
import { consistencyProof, inclusionProof, treeRoot, type NodeSource } from './build-proofs.js';

/** Fetches stored full-subtree hashes by position, keyed by `nodeKey`. */
export type NodeFetch = (
  positions: readonly { level: number; index: number }[],
) => Promise<Map<number, Buffer>>;

const PLACEHOLDER = Buffer.alloc(32);

/**
 * Roots and proofs from stored subtree hashes. Each call runs its algorithm
 * twice: once to learn which nodes it needs, then on those nodes fetched in
 * one round trip, so a proof costs about 2 log2(n) look-ups and no leaf is
 * re-hashed.
 *
 * @throws Error when a needed node is missing from the store.
 */
export class TreeReader {
  readonly #fetch: NodeFetch;

  constructor(fetch: NodeFetch) {
    this.#fetch = fetch;
  }

  async #run<T>(algorithm: (get: NodeSource) => T): Promise<T> {
    const wanted = new Map<number, { level: number; index: number }>();
    algorithm((level, index) => {
      wanted.set(nodeKey(level, index), { level, index });
      return PLACEHOLDER;
    });

    const found = await this.#fetch([...wanted.values()]);
    return algorithm((level, index) => {
      const hash = found.get(nodeKey(level, index));
      if (!hash) throw new Error(`tree node ${level}/${index} is missing`);
      return hash;
    });
  }

  /** Root of the tree of the first `size` entries. */
  root(size: number): Promise<Buffer> {
    return this.#run((get) => Buffer.from(treeRoot(size, get)));
  }

  /** Inclusion proof of entry `index` in the tree of `size` (RFC 9162 §2.1.3.1). */
  inclusion(index: number, size: number): Promise<Buffer[]> {
    return this.#run((get) => inclusionProof(index, size, get).map((h) => Buffer.from(h)));
  }

  /** Consistency proof from `size1` to `size2` (RFC 9162 §2.1.4.1). */
  consistency(size1: number, size2: number): Promise<Buffer[]> {
    return this.#run((get) => consistencyProof(size1, size2, get).map((h) => Buffer.from(h)));
  }
}
