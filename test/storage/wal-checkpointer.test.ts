import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { WalCheckpointer } from '../../src/storage/sqlite/wal-checkpointer.js';

const run = promisify(execFile);
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A new database in WAL mode with one table `t (x type)`. */
function walDatabase(name: string, type: string): { path: string; db: Database.Database } {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-checkpoint-'));
  const path = join(dir, name);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE t (x ${type})`);
  return { path, db };
}

/** Waits (at most 5 s) until the database file is larger than `size` bytes. */
async function untilLarger(path: string, size: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (statSync(path).size <= size && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('copies the WAL into the database from its own thread', async () => {
  const { path, db } = walDatabase('file.db', 'TEXT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const errors: string[] = [];
  const checkpointer = WalCheckpointer.start(db, (message) => errors.push(message),
    { everyMs: 100 });
  const before = statSync(path).size;

  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run('x'.repeat(1_000));
  // With automatic checkpoints off, only the thread can grow the database file.
  expect(statSync(path).size).toBe(before);
  await untilLarger(path, before);
  expect(statSync(path).size).toBeGreaterThan(before + 150 * 1_000);

  await checkpointer.close();
  db.close();
  expect(errors).toEqual([]);
});

it('keeps the WAL bounded while writes never stop', async () => {
  const { path, db } = walDatabase('busy.db', 'BLOB');
  const errors: string[] = [];
  // 256 pages (1 MiB): a small limit, so that a short test writes many times it.
  const checkpointer = WalCheckpointer.start(db, (message) => errors.push(message),
    { everyMs: 10, restartPages: 256 });
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  const write = db.transaction((row: Buffer, count: number) => {
    for (let i = 0; i < count; i++) insert.run(row);
  });
  const row = Buffer.alloc(8_192, 7);

  // The thread is running once the database file grows.
  write(row, 16);
  await untilLarger(path, statSync(path).size);

  // A commit every turn of the event loop, as a loaded gateway makes them:
  // some commit always lands while the thread copies pages.
  let written = 0;
  let largest = 0;
  const until = Date.now() + 1_500;
  while (Date.now() < until) {
    write(row, 4);
    written += 4 * row.length;
    largest = Math.max(largest, statSync(`${path}-wal`).size);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await checkpointer.close();
  db.close();

  expect(errors).toEqual([]);
  expect(written).toBeGreaterThan(20 * 2 ** 20);
  expect(largest).toBeLessThan(written / 4);
});

it('lets a closing process wait for the thread to let go of its file', async () => {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-checkpoint-'));
  // Nothing else keeps the child's event loop alive while close() waits.
  const script = `
    import Database from 'better-sqlite3';
    import { WalCheckpointer } from ${JSON.stringify(new URL('../../src/storage/sqlite/wal-checkpointer.ts', import.meta.url).href)};
    const db = new Database(${JSON.stringify(join(dir, 'child.db'))});
    db.pragma('journal_mode = WAL');
    const checkpointer = WalCheckpointer.start(db, () => undefined);
    await checkpointer.close();
    db.close();
    console.log('closed');`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module',
    '--eval', script], { cwd: join(import.meta.dirname, '../..') });
  expect(stdout.trim()).toBe('closed');
});
