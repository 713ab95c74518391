import type { LedgerStore } from '../store/ledger-store.js';
import { requestIdOf } from './entry-fields.js';
import { EntryVerifier, type NodeRow } from './entry-verifier.js';
import { replayStored } from './replay-stored.js';
import type { VerifyProblem } from './verify-report.js';

/** One segment to verify: entries `start` to `start + 2^level - 1`. */
export interface SegmentTask {
  /** A multiple of 2^level, so that the segment is one subtree of the ledger's tree. */
  start: number;
  level: number;
  /** Sizes of the trusted checkpoints that end inside the segment or at its end. */
  checkpoints: number[];
}

/** A checkpoint size met inside a segment, with what its root needs from the segment. */
export interface ReachedCheckpoint {
  size: number;
  /** The right edge of the segment's own entries up to `size`, hex, biggest first. */
  edge: string[];
  /** The request id of entry `size - 1`, for a problem report. */
  requestId: string | undefined;
}

/** What a segment verified on its own gives the thread that joins the segments. */
export interface SegmentSummary {
  start: number;
  level: number;
  /**
   * Index after the last entry hashed: the segment's end when it is whole,
   * less after a problem or when the entries ended.
   */
  size: number;
  /** Right edge of the entries hashed, hex, biggest first: the segment's root when whole. */
  edge: string[];
  /** The segment's first problem, as the whole replay would have named it. */
  problem: VerifyProblem | undefined;
  /** The task's checkpoints met before any problem, in order. */
  checkpoints: ReachedCheckpoint[];
  /** Stored nodes above the segment's subtree that end at its last entry. */
  above: NodeRow[];
}

/**
 * Verifies one segment of the stored ledger without the entries before it:
 * every entry's leaf and position, every stored node inside the segment.
 * Checkpoint roots and the nodes above the segment need the segments
 * before it, so it returns what those checks need (`EntryVerifier.pushSegment`).
 */
export async function verifySegment(store: LedgerStore, task: SegmentTask)
  : Promise<SegmentSummary> {
  const { start, level } = task;
  const end = start + 2 ** level;
  const replay = new EntryVerifier([], { start });
  const sizes = new Set(task.checkpoints);
  const checkpoints: ReachedCheckpoint[] = [];
  await replayStored(store, replay, { count: end - start, onEntry: (body) => {
    if (!sizes.has(replay.size)) return;
    checkpoints.push({ size: replay.size, edge: replay.edge, requestId: requestIdOf(body) });
  } });

  const summary = { start, level, size: replay.size, edge: replay.edge,
    problem: replay.problem, checkpoints, above: [] };
  if (replay.problem || replay.size < end) return summary;
  // Keys of the nodes ending at the last entry, above the segment's level (see node-key.ts).
  return { ...summary, above: await store.nodeHashesBetween((end - 1) * 64 + level + 1,
    end * 64) };
}
