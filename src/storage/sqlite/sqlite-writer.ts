import type { Database } from 'better-sqlite3';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { GroupCommit } from '../group-commit.js';
import { WriteStatements, type WriteOp } from './write-ops.js';

/**
 * The one writer of a SQLite file's hot-path tables: every store queues its
 * writes here, and all writes queued in the same turn of the event loop
 * (request records, budget spending, rejections) commit in one transaction,
 * so a request costs one commit however many tables it touches.
 */
export class SqliteWriter {
  readonly #commit: GroupCommit<WriteOp>;

  constructor(db: Database) {
    const statements = new WriteStatements(db);
    this.#commit = new GroupCommit((ops) => {
      try {
        statements.apply(ops);
      } catch (error) {
        throw new TokenwardenError('storage_unavailable',
          `Cannot write to the database: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  /** Queues a write; resolves once its transaction committed. */
  write(op: WriteOp): Promise<void> {
    return this.#commit.add(op);
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.#commit.flush();
  }
}
