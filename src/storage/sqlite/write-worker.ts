// The writer thread's entry: opens its own connection to the gateway's
// SQLite file and applies each batch the main thread posts, in one
// transaction, answering with the batch's number (and the error, if any).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open-database.js';
import { WriteStatements, type WriteOp } from './write-ops.js';

/** What the main thread posts: a batch to commit (`WriteOp[]` as JSON), or the order to close. */
export type WorkerRequest = { batch: number; ops: string } | { close: true };

/** What the writer thread answers for a batch. */
export interface WorkerReply {
  batch: number;
  error?: string;
}

const port = parentPort;
if (!port) throw new Error('write-worker.ts runs only as a worker thread');

const db = openDatabase((workerData as { dataDir: string }).dataDir);
const statements = new WriteStatements(db);

port.on('message', (request: WorkerRequest) => {
  if ('close' in request) {
    db.close();
    port.close();
    return;
  }
  let reply: WorkerReply;
  try {
    statements.apply(JSON.parse(request.ops) as WriteOp[]);
    reply = { batch: request.batch };
  } catch (error) {
    reply = { batch: request.batch, error: (error as Error).message };
  }
  port.postMessage(reply);
});
