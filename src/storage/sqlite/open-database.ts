import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations.js';

export const DATABASE_FILE = 'tokenwarden.db';

/**
 * Opens (and creates) the gateway's SQLite file in `dataDir`, in WAL mode.
 *
 * `synchronous = NORMAL` in WAL mode makes each commit reach the operating
 * system before it returns, so a killed gateway loses nothing it committed;
 * only a power cut can lose the last transactions (SQLite's documented
 * trade-off). `busy_timeout` lets CLI commands write beside a running server.
 * The page cache is 2 MiB, not better-sqlite3's 16: request and refusal
 * rows go at the end of their tables (their ids sort by time) and the daily
 * rollups are few, so a writer touches few pages, and every cached page
 * counts against the gateway's memory.
 */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -2048');
  migrate(db);
  return db;
}
