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

it('copies the WAL into the database from its own thread', async () => {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-checkpoint-'));
  const path = join(dir, 'file.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (x TEXT)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const errors: string[] = [];
  const checkpointer = WalCheckpointer.start(db, (message) => errors.push(message), 100);
  const before = statSync(path).size;

  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run('x'.repeat(1_000));
  // With automatic checkpoints off, only the thread can grow the database file.
  expect(statSync(path).size).toBe(before);
  const deadline = Date.now() + 5_000;
  while (statSync(path).size === before && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(statSync(path).size).toBeGreaterThan(before + 150 * 1_000);

  await checkpointer.close();
  db.close();
  expect(errors).toEqual([]);
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
