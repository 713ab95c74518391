// A verification thread's entry: opens its own read-only connection to the
// ledger's database and verifies each segment it is sent (see
// verify-in-threads.ts), answering with the segment's summary.
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteLedgerStore } from '../store/sqlite-ledger-store.js';
import { verifySegment, type SegmentSummary, type SegmentTask } from './verify-segment.js';

/** What the thread is started with. */
export interface SegmentWorkerData {
  file: string;
}

/** What the thread answers for each task: the summary, or why it could not verify. */
export type SegmentReply = SegmentSummary | { start: number; error: string };

const port = parentPort;
if (!port) throw new Error('segment-worker.ts runs only as a worker thread');

const store = SqliteLedgerStore.open((workerData as SegmentWorkerData).file, { readonly: true });

port.on('message', (task: SegmentTask) => {
  verifySegment(store, task).then(
    (summary) => port.postMessage(summary satisfies SegmentReply),
    (error: unknown) => port.postMessage({ start: task.start,
      error: error instanceof Error ? error.message : String(error) } satisfies SegmentReply));
});
