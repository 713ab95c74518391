import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqlitePageReader } from '../../src/ledger/store/sqlite-page-reader.js';

/** Values verification must see byte for byte: NULs, invalid UTF-8, nothing, random bytes. */
const ODD_VALUES = [Buffer.from([0, 0, 1, 0xff, 0xfe, 0xc3, 0x28, 0]), Buffer.alloc(0),
  Buffer.from('{"seq":2}'), Buffer.from([0xff]), randomBytes(5_000)];

function database(encoding: string): Database.Database {
  const db = new Database(':memory:');
  db.pragma(`encoding = '${encoding}'`);
  db.exec(`CREATE TABLE entries (seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
    CREATE TABLE nodes (key INTEGER PRIMARY KEY, hash BLOB NOT NULL)`);
  const entry = db.prepare('INSERT INTO entries (seq, body) VALUES (?, ?)');
  const node = db.prepare('INSERT INTO nodes (key, hash) VALUES (?, ?)');
  ODD_VALUES.forEach((value, i) => {
    entry.run(i * 3, value);
    node.run(i * 64 + 5, value);
  });
  return db;
}

describe('reading pages for verification', () => {
  it.each(['UTF-8', 'UTF-16le'])('gives every stored byte back in a %s database', (encoding) => {
    const reader = new SqlitePageReader(database(encoding));
    expect(reader.entryBodies(3, 3)).toEqual(ODD_VALUES.slice(1, 4).map((v, i) => [3 + i * 3, v]));
    expect(reader.nodeHashes(0, 1_000)).toEqual(ODD_VALUES.map((v, i) => [i * 64 + 5,
      v.toString('hex')]));
  });

  it('gives empty pages past the end', () => {
    const reader = new SqlitePageReader(database('UTF-8'));
    expect(reader.entryBodies(100, 10)).toEqual([]);
    expect(reader.nodeHashes(10_000, 20_000)).toEqual([]);
  });
});
