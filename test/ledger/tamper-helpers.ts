// What an attacker with write access to ledger.db does, for the tamper tests.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { encodeEntry, decodeEntry } from '../../src/ledger/entry.js';
import { CompactRange } from '../../src/ledger/merkle/compact-range.js';
import { leafHash } from '../../src/ledger/merkle/hash.js';
import { nodeKey } from '../../src/ledger/merkle/node-key.js';

/** Opens the data folder's ledger.db directly and runs `work` on it. */
export function tamper(dataDir: string, work: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, 'ledger.db'));
  work(db);
  db.close();
}

/** The stored bytes of entry `seq`. */
export function body(db: Database.Database, seq: number): Buffer {
  const row = db.prepare<[number], { body: Buffer }>('SELECT body FROM entries WHERE seq = ?')
    .get(seq);
  if (!row) throw new Error(`no entry ${seq}`);
  return row.body;
}

/** Entry `seq` with its cost changed: a valid entry that was never appended. */
export function edited(db: Database.Database, seq: number): Buffer {
  const entry = decodeEntry(body(db, seq));
  if (entry.type !== 'request') throw new Error('not a request');
  return encodeEntry({ ...entry, cost_usd: 0 });
}

/** Replaces the bytes of entry `seq`. */
export function setBody(db: Database.Database, seq: number, bytes: Buffer): void {
  db.prepare('UPDATE entries SET body = ? WHERE seq = ?').run(bytes, seq);
}

/** Rebuilds every stored tree node from the current bodies, as a thorough attacker would. */
export function rebuildTree(db: Database.Database): void {
  const rows = db.prepare<[], { body: Buffer }>('SELECT body FROM entries ORDER BY seq').all();
  const range = new CompactRange();
  db.prepare('DELETE FROM nodes').run();
  const insert = db.prepare('INSERT INTO nodes (key, hash) VALUES (?, ?)');
  for (const row of rows) {
    for (const n of range.append(leafHash(row.body))) insert.run(nodeKey(n.level, n.index), n.hash);
  }
}

/** Renumbers the entries from `from` on by `by`. */
export function shift(db: Database.Database, from: number, by: number): void {
  db.prepare('UPDATE entries SET seq = -seq - 1 WHERE seq >= ?').run(from);
  db.prepare('UPDATE entries SET seq = -seq - 1 + ? WHERE seq < 0').run(by);
}

/** Puts a forged entry (an edited copy of entry `seq`) at position `seq`, moving the rest up. */
export function insertForged(db: Database.Database, seq: number): void {
  const forged = edited(db, seq);
  shift(db, seq, 1);
  db.prepare(`INSERT INTO entries (seq, request_id, type, time, body)
    VALUES (?, 'forged', 'request', '2026-01-01', ?)`).run(seq, forged);
}
