import type { Database } from 'better-sqlite3';
import type { Storage } from '../storage.js';
import { openDatabase } from './open-database.js';
import { SqliteBanStore } from './sqlite-ban-store.js';
import { SqliteBudgetStore } from './sqlite-budget-store.js';
import { SqliteKeyStore } from './sqlite-key-store.js';
import { SqliteRejectionStore } from './sqlite-rejection-store.js';
import { SqliteRequestStore } from './sqlite-request-store.js';
import { SqliteWriter, type WriteRetry } from './sqlite-writer.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** Options of `SqliteStorage`. */
export interface SqliteStorageOptions {
  /**
   * Copy the WAL back into the database from a thread of its own instead of
   * inside commits (the gateway does; commands, short-lived, do not).
   */
  checkpointThread?: boolean;
  /** Told when such a checkpoint fails. */
  onCheckpointError?: (message: string) => void;
  /** Keep and retry writes the file cannot take for now (see `SqliteWriter`). */
  retry?: WriteRetry;
}

/** The embedded backend: one SQLite file under the data folder. */
export class SqliteStorage implements Storage {
  readonly db: Database;
  readonly #writer: SqliteWriter;
  readonly #checkpointer: WalCheckpointer | undefined;
  readonly keys: SqliteKeyStore;
  readonly requests: SqliteRequestStore;
  readonly budgets: SqliteBudgetStore;
  readonly bans: SqliteBanStore;
  readonly rejections: SqliteRejectionStore;

  constructor(dataDir: string, options: SqliteStorageOptions = {}) {
    this.db = openDatabase(dataDir);
    const writer = new SqliteWriter(this.db,
      options.retry ? { retry: options.retry } : {});
    this.#writer = writer;
    this.#checkpointer = options.checkpointThread
      ? WalCheckpointer.start(this.db, options.onCheckpointError ?? (() => undefined))
      : undefined;
    this.keys = new SqliteKeyStore(this.db);
    this.requests = new SqliteRequestStore(this.db, writer);
    this.budgets = new SqliteBudgetStore(this.db, writer);
    this.bans = new SqliteBanStore(this.db);
    this.rejections = new SqliteRejectionStore(this.db, writer);
  }

  async ping(): Promise<boolean> {
    if (!this.db.open) return false;
    return this.#writer.write({ table: 'heartbeat', row: { at: Date.now() } })
      .then(() => true, () => false);
  }

  unwritten(): number {
    return this.#writer.waiting;
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.#writer.close();
    await this.#checkpointer?.close();
    this.db.close();
  }
}
