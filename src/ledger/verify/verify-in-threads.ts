import type { Worker } from 'node:worker_threads';
import { startThread } from '../../storage/sqlite/start-thread.js';
import type { EntryVerifier } from './entry-verifier.js';
import type { SegmentReply, SegmentWorkerData } from './segment-worker.js';
import type { SegmentSummary, SegmentTask } from './verify-segment.js';

/**
 * Young generation of a verification thread, MiB: each page of entries it
 * hashes leaves megabytes of short-lived objects, more than the 4 MiB that
 * threads which idle get.
 */
const YOUNG_GENERATION_MB = 32;

/** What `verifyInThreads` works on. */
export interface ThreadedVerify {
  /** The SQLite database each thread opens read-only. */
  file: string;
  /** Where the segments are joined; at size 0, with the trusted checkpoints. */
  replay: EntryVerifier;
  /** Segments hold 2^level entries. */
  level: number;
  /** Whole segments to verify, from entry 0. */
  segments: number;
  threads: number;
  /** Sizes of the trusted checkpoints, ascending. */
  checkpoints: readonly number[];
  /** Told after each segment joined. */
  onSegment?: (() => void) | undefined;
}

/**
 * Verifies the first `segments` segments of the ledger on worker threads,
 * each with its own read-only connection, and joins their summaries into
 * `replay` in order (`EntryVerifier.pushSegment`). A segment with a problem
 * stops the handing out of later ones, but those before it are still
 * joined first, so the problem that `replay` keeps is the ledger's first.
 * Resolves once every segment is joined or a problem is found; entries after
 * `replay.size` are left to the caller.
 *
 * @throws Error when a thread cannot read the database
 */
export async function verifyInThreads(options: ThreadedVerify): Promise<void> {
  const span = 2 ** options.level;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const pool = new SegmentPool(options, resolve);
      for (let i = 0; i < Math.min(options.threads, options.segments); i += 1) {
        const worker = startThread(import.meta.url, 'segment-worker', {
          workerData: { file: options.file } satisfies SegmentWorkerData,
          resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
          // None of the parent's flags: an inherited `--import tsx` would load
          // tsx in each thread, a large part of its start-up.
          execArgv: [],
        });
        workers.push(worker);
        worker.on('message', (reply: SegmentReply) => {
          if ('error' in reply) {
            reject(new Error(`Cannot verify entries from ${reply.start}: ${reply.error}`));
            return;
          }
          try {
            pool.take(reply.start / span, reply);
            pool.hand(worker);
          } catch (error) {
            reject(error as Error);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`A verification thread stopped (${code})`)));
        pool.hand(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** The segments' queue and the in-order join of their summaries. */
class SegmentPool {
  readonly #options: ThreadedVerify;
  readonly #done: () => void;
  readonly #waiting = new Map<number, SegmentSummary>();
  /** Next segment to hand out, next to join, and the end of what is needed. */
  #next = 0;
  #joined = 0;
  #limit: number;
  #finished = false;

  constructor(options: ThreadedVerify, done: () => void) {
    this.#options = options;
    this.#done = done;
    this.#limit = options.segments;
  }

  /** Gives the thread the next segment, if any is still needed. */
  hand(worker: Worker): void {
    if (this.#finished || this.#next >= this.#limit) return;
    const { level, checkpoints } = this.#options;
    const start = this.#next * 2 ** level;
    const end = start + 2 ** level;
    this.#next += 1;
    const inside = checkpoints.filter((size) => size > start && size <= end);
    worker.postMessage({ start, level, checkpoints: inside } satisfies SegmentTask);
  }

  /** Keeps a segment's summary and joins every summary now in order. */
  take(index: number, summary: SegmentSummary): void {
    if (this.#finished) return;
    // Segments after one that stopped short cannot change the outcome.
    if (summary.problem || summary.size < summary.start + 2 ** summary.level) {
      this.#limit = Math.min(this.#limit, index + 1);
    }
    this.#waiting.set(index, summary);
    const { replay, onSegment } = this.#options;
    for (let next = this.#waiting.get(this.#joined); next; next = this.#waiting.get(this.#joined)) {
      this.#waiting.delete(this.#joined);
      this.#joined += 1;
      if (!replay.pushSegment(next)) break;
      onSegment?.();
    }
    if (replay.problem || this.#joined >= this.#limit) {
      this.#finished = true;
      this.#done();
    }
  }
}
