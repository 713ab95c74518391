import type { Database } from 'better-sqlite3';

/**
 * Schema changes in order; `PRAGMA user_version` records how many ran.
 * Append new steps, never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE keys (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     prefix TEXT NOT NULL,
     user TEXT NOT NULL,
     department TEXT NOT NULL,
     agent TEXT,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER
   );

   CREATE TABLE requests (
     id TEXT PRIMARY KEY,
     time INTEGER NOT NULL,
     key_id TEXT NOT NULL,
     user TEXT NOT NULL,
     department TEXT NOT NULL,
     agent TEXT,
     provider TEXT NOT NULL,
     model TEXT NOT NULL,
     endpoint TEXT NOT NULL,
     streamed INTEGER NOT NULL,
     status INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     error_code TEXT,
     input_tokens INTEGER NOT NULL,
     cached_tokens INTEGER NOT NULL,
     cache_write_tokens INTEGER NOT NULL,
     output_tokens INTEGER NOT NULL,
     reasoning_tokens INTEGER NOT NULL,
     usage_source TEXT NOT NULL,
     latency_ms REAL NOT NULL,
     ttft_ms REAL,
     cost_usd REAL NOT NULL,
     price TEXT,
     energy_wh REAL, energy_wh_low REAL, energy_wh_high REAL,
     co2e_g REAL, co2e_g_low REAL, co2e_g_high REAL,
     water_ml REAL, water_ml_low REAL, water_ml_high REAL,
     region TEXT
   ) WITHOUT ROWID;
   CREATE INDEX requests_time ON requests (time);

   -- Daily totals kept in the same transaction as each request, so that a
   -- report over months reads days, not millions of rows.
   CREATE TABLE usage_daily (
     day INTEGER NOT NULL,
     user TEXT NOT NULL,
     department TEXT NOT NULL,
     agent TEXT NOT NULL,
     provider TEXT NOT NULL,
     model TEXT NOT NULL,
     requests INTEGER NOT NULL,
     input_tokens INTEGER NOT NULL,
     cached_tokens INTEGER NOT NULL,
     cache_write_tokens INTEGER NOT NULL,
     output_tokens INTEGER NOT NULL,
     reasoning_tokens INTEGER NOT NULL,
     cost_usd REAL NOT NULL,
     energy_wh REAL NOT NULL,
     co2e_g REAL NOT NULL,
     water_ml REAL NOT NULL,
     estimated_requests INTEGER NOT NULL,
     PRIMARY KEY (day, user, department, agent, provider, model)
   ) WITHOUT ROWID;`,

  `CREATE TABLE budgets (
     id TEXT PRIMARY KEY,
     scope TEXT NOT NULL,
     period TEXT NOT NULL,
     tokens INTEGER,
     usd REAL,
     mode TEXT NOT NULL,
     alert_at REAL,
     created_at INTEGER NOT NULL
   );

   CREATE TABLE budget_spend (
     budget_id TEXT NOT NULL,
     scope_key TEXT NOT NULL,
     period_start INTEGER NOT NULL,
     tokens INTEGER NOT NULL,
     usd REAL NOT NULL,
     PRIMARY KEY (budget_id, scope_key, period_start)
   ) WITHOUT ROWID;
   CREATE INDEX budget_spend_period ON budget_spend (period_start);

   CREATE TABLE bans (
     address TEXT PRIMARY KEY,
     banned_at INTEGER NOT NULL,
     until INTEGER NOT NULL,
     offences INTEGER NOT NULL,
     reason TEXT NOT NULL
   ) WITHOUT ROWID;

   CREATE TABLE rejections (
     request_id TEXT PRIMARY KEY,
     time INTEGER NOT NULL,
     address TEXT NOT NULL,
     key_id TEXT,
     user TEXT,
     department TEXT,
     agent TEXT,
     code TEXT NOT NULL,
     rule TEXT
   ) WITHOUT ROWID;
   CREATE INDEX rejections_time ON rejections (time);`,

  `ALTER TABLE requests ADD COLUMN findings TEXT;`,

  // One row the readiness probe rewrites: proof that a commit still goes through.
  `CREATE TABLE heartbeat (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);`,
];

/** Brings the schema up to date inside one transaction per step. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let step = current; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step] as string);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}
