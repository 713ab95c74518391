import { decodeEntry } from '../entry.js';
import { edgePositions } from '../merkle/compact-range.js';
import { leafHashHex } from '../merkle/hash.js';
import { nodeKey } from '../merkle/node-key.js';
import { claimedSeq, requestIdOf } from './entry-fields.js';
import { HexRange } from './hex-range.js';
import type { SegmentSummary } from './verify-segment.js';
import type { VerifyProblem, VerifyReport } from './verify-report.js';

/** A checkpoint whose signature was already checked. */
export interface TrustedCheckpoint {
  size: number;
  root: Buffer;
}

/** A stored tree node: its `nodeKey` and its hash in lowercase hex. */
export type NodeRow = [key: number, hash: string];

/**
 * Replays the ledger entry by entry: recomputes every leaf and the tree,
 * checks each entry's own `seq` against its position, compares stored tree
 * nodes (when given) and every signed root, and keeps the first problem.
 *
 * Work is synchronous per entry; the caller feeds pages of entries with the
 * stored nodes of the same range, which keeps a million entries in seconds.
 * Segments verified on other threads are taken in whole (`pushSegment`).
 */
export class EntryVerifier {
  readonly #range: HexRange;
  /** Trusted checkpoints by size, with their roots in hex. */
  readonly #checkpoints: Map<number, TrustedCheckpoint & { rootHex: string }>;
  #nodes: readonly NodeRow[] = [];
  #nodeAt = 0;
  #checkNodes = false;
  #covered = 0;
  #checked = 0;
  problem: VerifyProblem | undefined;

  /**
   * @param checkpoints roots to check as their sizes are reached
   * @param options.start index of the first entry, to verify one segment on
   *   its own (see `HexRange`); its checkpoints cannot be checked there
   */
  constructor(checkpoints: readonly TrustedCheckpoint[], options: { start?: number } = {}) {
    this.#range = new HexRange(options.start);
    this.#checkpoints = new Map(checkpoints.map((c) => [c.size,
      { ...c, rootHex: c.root.toString('hex') }]));
  }

  /** Index of the next entry: entries verified so far, plus the start. */
  get size(): number {
    return this.#range.size;
  }

  /** The right edge of the tree so far, hex, biggest subtree first. */
  get edge(): string[] {
    return this.#range.edge;
  }

  /** Stored nodes covering the next page of entries, in key order; omit for a bundle. */
  setNodes(rows: readonly NodeRow[]): void {
    this.#nodes = rows;
    this.#nodeAt = 0;
    this.#checkNodes = true;
  }

  /** The stored node with this key; keys are asked in increasing order. */
  #storedNode(key: number): string | undefined {
    const nodes = this.#nodes;
    while (this.#nodeAt < nodes.length && (nodes[this.#nodeAt] as NodeRow)[0] < key) {
      this.#nodeAt += 1;
    }
    const row = nodes[this.#nodeAt];
    return row?.[0] === key ? row[1] : undefined;
  }

  /**
   * Verifies the next entry. `seq` is the position the store files it
   * under (undefined for a bundle, where position is line order); `next`,
   * the following entry's bytes, tells an insertion from an edit.
   * Returns false once a problem is found.
   */
  push(body: Buffer, seq?: number, next?: Buffer): boolean {
    if (this.problem) return false;
    const k = this.#range.size;
    if (seq !== undefined && seq > k) {
      return this.#fail('deleted', k, `entries ${k} to ${seq - 1} are missing (deleted)`);
    }

    if (claimedSeq(body) !== k) {
      let claimed: number;
      let id: string | undefined;
      try {
        const entry = decodeEntry(body);
        claimed = entry.seq;
        id = entry.request_id;
      } catch {
        return this.#fail('edited', k, `entry ${k} is not a valid entry (edited)`);
      }
      if (claimed !== k) return this.#misplaced(k, claimed, id);
    }

    const range = this.#range;
    range.append(leafHashHex(body));
    if (this.#checkNodes) {
      const stored = this.#storedNode(nodeKey(0, k));
      if (stored !== range.completed[0]) return this.#leafMismatch(k, stored, body, next);
      if (range.levels > 1 && !this.#checkTree(k, 1)) return false;
    }

    const checkpoint = this.#checkpoints.get(k + 1);
    if (checkpoint) return this.#checkRoot(checkpoint, k, range.rootHex(), requestIdOf(body));
    return true;
  }

  /**
   * Takes in a segment verified on its own (see `verifySegment`) as if its
   * entries were pushed here one by one: the roots of the checkpoints inside
   * it, then its first problem, then the stored nodes above it and the root
   * of a checkpoint at its end. Segments come in order, the first at `size`.
   * Returns false on a problem, and without one when the segment's entries
   * ended early (the ledger shrank meanwhile): push those one by one instead.
   */
  pushSegment(segment: SegmentSummary): boolean {
    if (this.problem) return false;
    const range = this.#range;
    const { start, level } = segment;
    if (start !== range.size) {
      throw new RangeError(`segment at ${start} pushed at entry ${range.size}`);
    }
    const end = start + 2 ** level;
    if (segment.size < end && !segment.problem) return false;

    for (const reached of segment.checkpoints) {
      const checkpoint = this.#checkpoints.get(reached.size);
      if (!checkpoint || reached.size === end) continue;
      const root = range.rootHex(reached.edge);
      if (!this.#checkRoot(checkpoint, reached.size - 1, root, reached.requestId)) {
        this.#appendEdge(reached.size - start, reached.edge);
        return false;
      }
    }
    // The segment's root (or, after a problem, its edge so far) joins the tree.
    this.#appendEdge(segment.size - start, segment.edge);
    if (segment.problem) {
      this.problem = segment.problem;
      return false;
    }

    this.setNodes(segment.above);
    if (!this.#checkTree(end - 1, level + 1)) return false;
    const checkpoint = this.#checkpoints.get(end);
    if (!checkpoint) return true;
    const last = segment.checkpoints.find((c) => c.size === end);
    return this.#checkRoot(checkpoint, end - 1, range.rootHex(), last?.requestId);
  }

  /** Appends the right edge (biggest first) of `count` entries hashed on their own. */
  #appendEdge(count: number, edge: readonly string[]): void {
    edgePositions(count).forEach(({ level }, i) => this.#range.append(edge[i] as string, level));
  }

  /** Compares the stored nodes that entry k completed, from level `from` up. */
  #checkTree(k: number, from: number): boolean {
    // Entry k completes the subtrees at levels 0 to levels - 1, all ending at entry k.
    const range = this.#range;
    for (let level = from; level < range.levels; level += 1) {
      const stored = this.#storedNode(nodeKey(level, Math.floor(k / 2 ** level)));
      if (stored === range.completed[level]) continue;
      const first = k + 1 - 2 ** level;
      return this.#fail('tree', first, `the stored tree node over entries ${first} to ${k} `
        + 'differs from the entries: one of them was edited and its leaf rewritten');
    }
    return true;
  }

  /** Names what a stored leaf hash that differs from the entry's means. */
  #leafMismatch(k: number, stored: string | undefined, body: Buffer, next: Buffer | undefined)
    : false {
    const id = requestIdOf(body);
    if (stored && next && leafHashHex(next) === stored) {
      return this.#fail('inserted', k, `an entry was inserted at position ${k}: the next `
        + `entry has the leaf hash of entry ${k}`, id);
    }
    return this.#fail('edited', k, `entry ${k} does not match its leaf hash (edited)`, id);
  }

  #checkRoot(checkpoint: { size: number; rootHex: string }, k: number, rootHex: string,
    id: string | undefined): boolean {
    this.#checked += 1;
    if (rootHex !== checkpoint.rootHex) {
      return this.#fail('checkpoint_root', this.#covered,
        `entries ${this.#covered} to ${k} do not give the root signed at size `
        + `${checkpoint.size}: an entry in that range was edited, inserted or removed`, id);
    }
    this.#covered = checkpoint.size;
    return true;
  }

  #misplaced(k: number, claimed: number, id: string | undefined): boolean {
    if (claimed === k + 1) {
      return this.#fail('deleted', k, `entry ${k} is missing: position ${k} holds entry `
        + `${claimed} (deleted)`, id);
    }
    if (claimed === k - 1) {
      return this.#fail('inserted', k - 1, `an entry was inserted at position ${k - 1}: `
        + `position ${k} holds entry ${claimed}`, id);
    }
    return this.#fail('reordered', k, `position ${k} holds entry ${claimed} (reordered)`, id);
  }

  #fail(kind: VerifyProblem['kind'], index: number, message: string, requestId?: string)
    : false {
    this.problem = { kind, index, message, request_id: requestId };
    return false;
  }

  /** Ends the run: checkpoints beyond the entries read are a rollback. */
  finish(): VerifyReport {
    const size = this.#range.size;
    if (!this.problem) {
      const beyond = [...this.#checkpoints.values()].filter((c) => c.size > size)
        .sort((a, b) => a.size - b.size)[0];
      if (beyond) {
        this.problem = {
          kind: 'rollback', index: size,
          message: `a checkpoint of size ${beyond.size} covers entries ${size} to `
            + `${beyond.size - 1}, which the ledger no longer has (rolled back)`,
        };
      }
    }
    return {
      ok: !this.problem, size, root: this.#range.root().toString('base64'),
      checkpoints_checked: this.#checked, covered_size: this.#covered, problem: this.problem,
    };
  }

  /** The root of everything pushed so far. */
  root(): Buffer {
    return this.#range.root();
  }
}
