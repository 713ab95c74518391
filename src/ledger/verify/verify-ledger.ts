import { availableParallelism } from 'node:os';
import { parseCheckpoint, type Checkpoint } from '../checkpoint/checkpoint-text.js';
import type { NoteVerifier } from '../checkpoint/note-keys.js';
import { parseNote } from '../checkpoint/signed-note.js';
import { isPowerOfTwo } from '../merkle/tree-math.js';
import type { TreeReader } from '../merkle/tree-reader.js';
import { verifyConsistency } from '../merkle/verify-proofs.js';
import type { LedgerStore } from '../store/ledger-store.js';
import { EntryVerifier, type TrustedCheckpoint } from './entry-verifier.js';
import { replayStored } from './replay-stored.js';
import { verifyInThreads } from './verify-in-threads.js';
import type { VerifyProblem, VerifyReport } from './verify-report.js';

/** Entries per segment verified by one thread, unless told otherwise (2^14). */
const SEGMENT_SIZE = 16_384;

/**
 * Entries from which verification uses threads unless told otherwise. On a
 * 2-core machine shared with other work, two threads gained nothing at
 * 100,000 entries (starting them cost about what they saved) and about a
 * tenth at 250,000.
 */
const THREADS_FROM = 262_144;

/** Reports entries done and the total, for a progress display. */
export type ProgressFn = (done: number, total: number) => void;

/**
 * Checks signed checkpoint notes: each must verify with the log's key and
 * be a well-formed checkpoint of the log's origin. Returns the trusted ones,
 * or the first problem.
 */
export function trustCheckpoints(notes: readonly string[], verifier: NoteVerifier)
  : { trusted: TrustedCheckpoint[]; problem?: VerifyProblem } {
  const trusted: TrustedCheckpoint[] = [];
  for (const note of notes) {
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpoint(parseNote(note).text);
    } catch (error) {
      return { trusted, problem: { kind: 'checkpoint_signature', message:
        `a stored checkpoint is malformed: ${(error as Error).message}` } };
    }
    if (!verifier.verify(note) || checkpoint.origin !== verifier.name) {
      return { trusted, problem: { kind: 'checkpoint_signature', index: checkpoint.size,
        message: `the checkpoint of size ${checkpoint.size} is not signed by the log's key` } };
    }
    trusted.push(checkpoint);
  }
  return { trusted };
}

/** What `verifyStoredLedger` works on. */
export interface StoredLedgerVerify {
  store: LedgerStore;
  verifier: NoteVerifier;
  onProgress?: ProgressFn | undefined;
  /**
   * Threads that verify segments of the ledger side by side, each with its
   * own read-only connection; default one per core from 262,144 entries,
   * else 1. 1 verifies on the calling thread alone, as does a store that no
   * other connection can open or a ledger shorter than two segments.
   */
  threads?: number | undefined;
  /** Entries per segment, a power of two of at least 2; default 16,384. */
  segmentSize?: number | undefined;
}

/**
 * Verifies the whole stored ledger: every leaf recomputed from its entry,
 * every stored tree node, every checkpoint's signature and root. Names the
 * first entry that was edited, deleted, inserted or reordered.
 *
 * Large ledgers are cut into aligned segments, each one subtree of the
 * tree, verified on worker threads and joined in order; the report is the
 * same as from one thread.
 *
 * @throws RangeError when `threads` or `segmentSize` is out of range
 */
export async function verifyStoredLedger(options: StoredLedgerVerify): Promise<VerifyReport> {
  const { store, verifier, onProgress, threads } = options;
  const segmentSize = options.segmentSize ?? SEGMENT_SIZE;
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new RangeError(`'threads' must be a whole number of at least 1: got ${threads}`);
  }
  if (!isPowerOfTwo(segmentSize) || segmentSize < 2) {
    throw new RangeError(`'segmentSize' must be a power of two of at least 2: got ${segmentSize}`);
  }

  const rows = await store.checkpoints();
  const { trusted, problem } = trustCheckpoints(rows.map((r) => r.note), verifier);
  const replay = new EntryVerifier(trusted);
  if (problem) {
    replay.problem = problem;
    return replay.finish();
  }

  const total = await store.size();
  const segments = Math.floor(total / segmentSize);
  const threadCount = threads ?? (total >= THREADS_FROM ? availableParallelism() : 1);
  const progress = (): void => onProgress?.(replay.size, total);
  if (store.file !== undefined && threadCount > 1 && segments >= 2) {
    await verifyInThreads({ file: store.file, replay, level: Math.log2(segmentSize), segments,
      threads: threadCount, checkpoints: trusted.map((c) => c.size).sort((a, b) => a - b),
      onSegment: progress });
  }
  // What no thread took: entries after the last whole segment, or all of them.
  await replayStored(store, replay, { onPage: progress });
  return replay.finish();
}

/**
 * Proves with a consistency proof (RFC 9162 §2.1.4) that the verified
 * ledger extends an older checkpoint, e.g. one a witness or an auditor kept.
 * `report` must come from `verifyStoredLedger`, whose root was recomputed.
 */
export async function verifyExtends(options: {
  note: string; verifier: NoteVerifier; reader: TreeReader; report: VerifyReport;
}): Promise<{ ok: boolean; size: number; proof: string[]; problem?: VerifyProblem }> {
  const { note, verifier, reader, report } = options;
  const { trusted, problem } = trustCheckpoints([note], verifier);
  const old = trusted[0];
  if (problem || !old) return { ok: false, size: 0, proof: [], problem };

  if (old.size > report.size) {
    return { ok: false, size: old.size, proof: [], problem: { kind: 'rollback', index: report.size,
      message: `the checkpoint covers ${old.size} entries but the ledger has only `
        + `${report.size} (rolled back)` } };
  }
  const proof = await reader.consistency(old.size, report.size);
  const ok = verifyConsistency(old.size, report.size, old.root,
    Buffer.from(report.root, 'base64'), proof);
  return {
    ok, size: old.size, proof: proof.map((h) => h.toString('base64')),
    problem: ok ? undefined : { kind: 'inconsistent', message: `the ledger does not extend `
      + `the checkpoint of size ${old.size}: entries before ${old.size} were changed` },
  };
}
