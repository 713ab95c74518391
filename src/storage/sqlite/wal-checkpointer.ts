import type { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import type { CheckpointCommand, CheckpointReply } from './checkpoint-worker.js';
import { startThread } from './start-thread.js';

/** How often the checkpoint thread copies the WAL back, unless told otherwise. */
const EVERY_MS = 1_000;
/** WAL size, in pages (64 MiB of 4 KiB pages), past which the WAL is made to start over. */
const RESTART_PAGES = 16_384;

/** The one checkpoint thread of the process, shared by every file that uses it. */
interface SharedThread {
  worker: Worker;
  errors: Map<number, (message: string) => void>;
  restarts: Map<number, () => void>;
  removed: Map<number, () => void>;
}

let shared: SharedThread | undefined;
let nextId = 0;

function sharedThread(): SharedThread {
  if (shared) return shared;
  const worker = startThread(import.meta.url, 'checkpoint-worker', {});
  const thread: SharedThread = {
    worker, errors: new Map(), restarts: new Map(), removed: new Map(),
  };
  worker.on('message', (reply: CheckpointReply) => {
    if ('error' in reply) {
      thread.errors.get(reply.id)?.(reply.error);
      return;
    }
    if ('restart_wal' in reply) {
      thread.restarts.get(reply.id)?.();
      return;
    }
    thread.removed.get(reply.id)?.();
    thread.removed.delete(reply.id);
  });
  worker.on('error', (error) => {
    for (const onError of thread.errors.values()) onError(error.message);
  });
  worker.on('exit', () => {
    if (shared === thread) shared = undefined;
    for (const done of thread.removed.values()) done();
  });
  // Checkpoints are upkeep: they never keep the process alive.
  worker.unref();
  shared = thread;
  return thread;
}

/**
 * Moves a SQLite file's WAL checkpoints off the thread that writes it. A
 * checkpoint copies every page committed since the last one into the
 * database and syncs both files; run inside a commit, as SQLite does by
 * default, it holds up whatever that thread serves for as long as the copy
 * takes. Here the writing connection's automatic checkpoints are turned off
 * and one thread of the process, with a connection per file, checkpoints
 * every file handed to it every second instead. When a WAL passes 64 MiB,
 * the writing connection copies the frames the thread has not yet copied,
 * so that its next commit starts the WAL over (see checkpoint-worker.ts):
 * the WAL stays near that size however steady the writes.
 */
export class WalCheckpointer {
  readonly #id: number;
  #closed = false;

  private constructor(id: number) {
    this.#id = id;
  }

  /**
   * @param db the writing connection, in WAL mode; its automatic checkpoints stop
   * @param onError told when a checkpoint fails (the next round tries again)
   * @param options `everyMs` between checkpoints; `restartPages`, the WAL
   *   size past which the writing connection makes the WAL start over
   */
  static start(db: Database, onError: (message: string) => void,
    options: { everyMs?: number; restartPages?: number } = {}): WalCheckpointer {
    db.pragma('wal_autocheckpoint = 0');
    const thread = sharedThread();
    const id = nextId++;
    thread.errors.set(id, onError);
    thread.restarts.set(id, () => {
      try {
        // Synchronous, between two commits: no frame can land while it copies.
        if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        onError((error as Error).message);
      }
      thread.worker.postMessage({ restarted: id } satisfies CheckpointCommand);
    });
    thread.worker.postMessage({ add: id, path: db.name, everyMs: options.everyMs ?? EVERY_MS,
      restartPages: options.restartPages ?? RESTART_PAGES } satisfies CheckpointCommand);
    return new WalCheckpointer(id);
  }

  /**
   * Stops checkpointing this file (the thread ends with its last file); the
   * last connection to close checkpoints what is left.
   */
  async close(): Promise<void> {
    const thread = shared;
    if (this.#closed || !thread) return;
    this.#closed = true;
    thread.errors.delete(this.#id);
    thread.restarts.delete(this.#id);
    // Held open until the thread answers, or an exiting process would not wait.
    thread.worker.ref();
    await new Promise<void>((resolve) => {
      thread.removed.set(this.#id, resolve);
      thread.worker.postMessage({ remove: this.#id } satisfies CheckpointCommand);
    });
    thread.worker.unref();
    if (thread.errors.size === 0 && shared === thread) {
      shared = undefined;
      await thread.worker.terminate();
    }
  }
}
