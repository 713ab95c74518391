import type { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { startThread } from './start-thread.js';

/** How often the checkpoint thread copies the WAL back, unless told otherwise. */
const EVERY_MS = 1_000;

/**
 * Moves a SQLite file's WAL checkpoints off the thread that writes it. A
 * checkpoint copies every page committed since the last one into the
 * database and syncs both files; run inside a commit, as SQLite does by
 * default, it holds up whatever that thread serves for as long as the copy
 * takes. Here the writing connection's automatic checkpoints are turned off
 * and a thread with its own connection checkpoints every second instead.
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;

  private constructor(worker: Worker) {
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /**
   * @param db the writing connection, in WAL mode; its automatic checkpoints stop
   * @param onError told when a checkpoint fails (the next round tries again)
   */
  static start(db: Database, onError: (message: string) => void,
    everyMs = EVERY_MS): WalCheckpointer {
    db.pragma('wal_autocheckpoint = 0');
    const worker = startThread(import.meta.url, 'checkpoint-worker',
      { workerData: { path: db.name, everyMs } });
    worker.on('message', (message: { error: string }) => onError(message.error));
    worker.on('error', (error) => onError(error.message));
    worker.unref();
    return new WalCheckpointer(worker);
  }

  /** Stops the thread; the last connection to close checkpoints what is left. */
  async close(): Promise<void> {
    this.#worker.postMessage('close');
    await this.#exited;
  }
}
