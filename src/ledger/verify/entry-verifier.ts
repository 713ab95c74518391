import { decodeEntry } from '../entry.js';
import { leafHashHex } from '../merkle/hash.js';
import { nodeKey } from '../merkle/node-key.js';
import { HexRange } from './hex-range.js';
import type { VerifyProblem, VerifyReport } from './verify-report.js';

const SEQ_KEY = Buffer.from('"seq":');
/** Bytes at the end of an entry that hold its `seq` in practice. */
const SEQ_TAIL = 320;

/**
 * The `seq` an entry claims, read without parsing the whole entry: in
 * canonical JSON `"seq":` can only be the top-level key (a quote inside a
 * string is escaped), and the leaf hash covers the rest. Searched first
 * near the end, where it sits (only a few short fields sort after it).
 * Undefined when absent; callers then parse the entry to say what is wrong.
 */
function claimedSeq(body: Buffer): number | undefined {
  let at = body.indexOf(SEQ_KEY, Math.max(0, body.length - SEQ_TAIL));
  if (at < 0) at = body.indexOf(SEQ_KEY);
  if (at < 1 || (body[at - 1] !== 0x2c && body[at - 1] !== 0x7b)) return undefined;
  let value = 0;
  let i = at + SEQ_KEY.length;
  for (; i < body.length; i += 1) {
    const digit = (body[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return i === at + SEQ_KEY.length ? undefined : value;
}

/** The request id of an entry, for problem reports; undefined when unreadable. */
function requestIdOf(body: Buffer): string | undefined {
  try {
    return decodeEntry(body).request_id;
  } catch {
    return undefined;
  }
}

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
 */
export class EntryVerifier {
  readonly #range = new HexRange();
  /** Trusted checkpoints by size, with their roots in hex. */
  readonly #checkpoints: Map<number, TrustedCheckpoint & { rootHex: string }>;
  #nodes: readonly NodeRow[] = [];
  #nodeAt = 0;
  #checkNodes = false;
  #covered = 0;
  #checked = 0;
  problem: VerifyProblem | undefined;

  constructor(checkpoints: readonly TrustedCheckpoint[]) {
    this.#checkpoints = new Map(checkpoints.map((c) => [c.size,
      { ...c, rootHex: c.root.toString('hex') }]));
  }

  /** Entries verified so far. */
  get size(): number {
    return this.#range.size;
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
    // Leaf k completes the subtrees at levels 0 to levels - 1, all ending at leaf k.
    for (let level = 0; this.#checkNodes && level < range.levels; level += 1) {
      const stored = this.#storedNode(nodeKey(level, Math.floor(k / 2 ** level)));
      if (stored === range.completed[level]) continue;
      return this.#nodeMismatch(k, level, stored, body, next);
    }

    const checkpoint = this.#checkpoints.get(k + 1);
    if (checkpoint) return this.#checkRoot(checkpoint, k, requestIdOf(body));
    return true;
  }

  /** Names what a stored node that differs from the replayed one means. */
  #nodeMismatch(k: number, level: number, stored: string | undefined, body: Buffer,
    next: Buffer | undefined): false {
    const id = requestIdOf(body);
    if (level === 0 && stored && next && leafHashHex(next) === stored) {
      return this.#fail('inserted', k, `an entry was inserted at position ${k}: the next `
        + `entry has the leaf hash of entry ${k}`, id);
    }
    if (level === 0) {
      return this.#fail('edited', k, `entry ${k} does not match its leaf hash (edited)`, id);
    }
    const first = k + 1 - 2 ** level;
    return this.#fail('tree', first, `the stored tree node over entries ${first} to ${k} `
      + 'differs from the entries: one of them was edited and its leaf rewritten');
  }

  #checkRoot(checkpoint: { size: number; rootHex: string }, k: number, id: string | undefined)
    : boolean {
    this.#checked += 1;
    if (this.#range.rootHex() !== checkpoint.rootHex) {
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
