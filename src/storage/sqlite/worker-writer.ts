import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { GroupCommit } from '../group-commit.js';
import { writeFailed, type SqliteWriter } from './sqlite-writer.js';
import { startThread } from './start-thread.js';
import type { WorkerReply, WorkerRequest } from './write-worker.js';
import type { WriteOp } from './write-ops.js';

interface Waiting {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Commits on a thread of its own, so that a commit, and above all the WAL
 * checkpoint SQLite runs inside some commits, never holds up the event loop
 * that serves requests. Batches still form per turn of the event loop and
 * still resolve only once committed, so durability is unchanged.
 */
export class WorkerWriter implements SqliteWriter {
  readonly #dataDir: string;
  readonly #commit: GroupCommit<WriteOp>;
  readonly #waiting = new Map<number, Waiting>();
  #worker: Worker | undefined;
  #nextBatch = 0;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
    this.#commit = new GroupCommit((ops) => this.#send(ops));
  }

  write(op: WriteOp): Promise<void> {
    return this.#commit.add(op);
  }

  flush(): Promise<void> {
    return this.#commit.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = undefined;
    const exited = once(worker, 'exit');
    worker.postMessage({ close: true } satisfies WorkerRequest);
    await exited;
  }

  #send(ops: WriteOp[]): Promise<void> {
    const batch = this.#nextBatch++;
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(batch, { resolve, reject });
      const worker = this.#thread();
      // Held open while a batch is out, so the process cannot end before it commits.
      if (this.#waiting.size === 1) worker.ref();
      // One JSON string clones far faster than the rows as objects do.
      worker.postMessage({ batch, ops: JSON.stringify(ops) } satisfies WorkerRequest);
    });
  }

  /** The writer thread, started on first use and again after it died. */
  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startThread(import.meta.url, 'write-worker',
      { workerData: { dataDir: this.#dataDir } });
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.#waiting.get(reply.batch);
      if (!waiting) return;
      this.#waiting.delete(reply.batch);
      if (this.#waiting.size === 0) worker.unref();
      if (reply.error === undefined) waiting.resolve();
      else waiting.reject(writeFailed(reply.error));
    });
    const fail = (error: unknown): void => {
      if (this.#worker === worker) this.#worker = undefined;
      const failure = writeFailed(`the writer thread stopped: ${String(error)}`, error);
      for (const waiting of this.#waiting.values()) waiting.reject(failure);
      this.#waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.#waiting.size > 0) fail(new Error(`exit code ${code}`));
      if (this.#worker === worker) this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }
}
