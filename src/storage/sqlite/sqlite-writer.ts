import type { Database } from 'better-sqlite3';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { GroupCommit } from '../group-commit.js';

/** One write to run inside the shared transaction. */
export type Write = () => void;

/**
 * The one writer of a SQLite file: every store queues its writes here, and
 * all writes queued in the same turn of the event loop (request records,
 * budget spending, rejections) commit in one transaction, so a request costs
 * one commit however many tables it touches.
 */
export class SqliteWriter {
  readonly #commit: GroupCommit<Write>;

  constructor(db: Database) {
    const run = db.transaction((writes: Write[]) => {
      for (const write of writes) write();
    });
    this.#commit = new GroupCommit((writes) => {
      try {
        run(writes);
      } catch (error) {
        throw new TokenwardenError('storage_unavailable',
          `Cannot write to the database: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  /** Queues a write; resolves once its transaction committed. */
  write(write: Write): Promise<void> {
    return this.#commit.add(write);
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.#commit.flush();
  }
}
