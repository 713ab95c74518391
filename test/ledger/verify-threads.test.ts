import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { leafHash } from '../../src/ledger/merkle/hash.js';
import { nodeKey } from '../../src/ledger/merkle/node-key.js';
import { EntryVerifier } from '../../src/ledger/verify/entry-verifier.js';
import { replayStored } from '../../src/ledger/verify/replay-stored.js';
import { trustCheckpoints, verifyStoredLedger } from '../../src/ledger/verify/verify-ledger.js';
import { verifySegment } from '../../src/ledger/verify/verify-segment.js';
import type { VerifyProblem, VerifyReport } from '../../src/ledger/verify/verify-report.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';
import {
  body, edited, insertForged, rebuildTree, setBody, shift, tamper,
} from './tamper-helpers.js';

/** 300 entries in segments of 16: 18 whole segments, then 12 entries for the calling thread. */
const ENTRIES = 300;
const SEGMENT = 16;
/** Checkpoints inside segments (37, 100, 200), at a segment's end (128) and in the tail (300). */
const CHECKPOINTS = [37, 100, 128, 200, 300];
const DIST_VERIFY = join(import.meta.dirname, '..', '..', 'dist', 'ledger', 'verify',
  'verify-ledger.js');

let template: string;
let verifierKey: string;
let dataDir: string;

beforeAll(async () => {
  template = tempDataDir();
  const ledger = await Ledger.open({ dataDir: template, config: ledgerConfig(),
    background: false });
  let appended = 0;
  for (const size of CHECKPOINTS) {
    await Promise.all(Array.from({ length: size - appended }, (_, i) =>
      ledger.append(sampleRequest(appended + i))));
    appended = size;
    await ledger.checkpoint();
  }
  verifierKey = ledger.context.signer.verifierKey();
  await ledger.close();
});

beforeEach(() => {
  dataDir = tempDataDir();
  cpSync(template, dataDir, { recursive: true });
});

/** Verifies with `verify` (this module's, or the compiled one) as told. */
async function verifyWith(options: { threads: number; segmentSize?: number },
  verify = verifyStoredLedger): Promise<{ report: VerifyReport; progress: number[] }> {
  const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
  const progress: number[] = [];
  try {
    const report = await verify({ ...options, store: ledger.context.store,
      verifier: NoteVerifier.fromVerifierKey(verifierKey),
      onProgress: (done) => progress.push(done) });
    return { report, progress };
  } finally {
    await ledger.close();
  }
}

/**
 * Verifies on one thread and on threads; checks that the threads really
 * took segments and that both give the same report, and returns it.
 */
async function verifyBoth(): Promise<VerifyReport> {
  const one = await verifyWith({ threads: 1 });
  const threaded = await verifyWith({ threads: 2, segmentSize: SEGMENT });
  expect(threaded.progress[0]).toBe(SEGMENT);
  expect(threaded.report).toEqual(one.report);
  return threaded.report;
}

describe('verification on threads', () => {
  it('gives the root and checkpoints of verification on one thread', async () => {
    const report = await verifyBoth();
    expect(report).toMatchObject({ ok: true, size: ENTRIES, checkpoints_checked: 5,
      covered_size: ENTRIES });
    expect(report.problem).toBeUndefined();
  });

  const cases: [name: string, work: (db: Database.Database) => void,
    problem: Partial<VerifyProblem>][] = [
    ['an edited first entry of a segment', (db) => setBody(db, 32, edited(db, 32)),
      { kind: 'edited', index: 32, request_id: 'req-000032' }],
    ['an edited last entry of a segment', (db) => setBody(db, 47, edited(db, 47)),
      { kind: 'edited', index: 47 }],
    ['an edited entry after the last whole segment', (db) => setBody(db, 295, edited(db, 295)),
      { kind: 'edited', index: 295 }],
    ['an entry inserted as the last of a segment', (db) => insertForged(db, 47),
      { kind: 'inserted', index: 47 }],
    ['an entry inserted as the first of a segment', (db) => insertForged(db, 48),
      { kind: 'inserted', index: 48 }],
    ['a whole segment deleted', (db) => db.prepare('DELETE FROM entries WHERE seq BETWEEN 64 AND 79')
      .run(), { kind: 'deleted', index: 64,
      message: 'entries 64 to 79 are missing (deleted)' }],
    ['a deleted entry with the later ones renumbered', (db) => {
      db.prepare('DELETE FROM entries WHERE seq = 80').run();
      shift(db, 81, -1);
    }, { kind: 'deleted', index: 80 }],
    ['entries swapped across segments', (db) => {
      const [a, b] = [body(db, 20), body(db, 90)];
      setBody(db, 20, b);
      setBody(db, 90, a);
    }, { kind: 'reordered', index: 20 }],
    ['an edited entry whose leaf was rewritten', (db) => {
      const forged = edited(db, 50);
      setBody(db, 50, forged);
      db.prepare('UPDATE nodes SET hash = ? WHERE key = ?').run(leafHash(forged), nodeKey(0, 50));
    }, { kind: 'tree', index: 50 }],
    ['a changed node above the segments', (db) => db.prepare('UPDATE nodes SET hash = ? '
      + 'WHERE key = ?').run(Buffer.alloc(32), nodeKey(6, 1)),
    { kind: 'tree', index: 64,
      message: expect.stringContaining('entries 64 to 127') as unknown as string }],
    ['a missing node above the segments, before an edit', (db) => {
      db.prepare('DELETE FROM nodes WHERE key = ?').run(nodeKey(5, 1));
      setBody(db, 40, edited(db, 40));
    }, { kind: 'edited', index: 40 }],
    ['a missing node above the segments, after an edit', (db) => {
      db.prepare('DELETE FROM nodes WHERE key = ?').run(nodeKey(5, 1));
      setBody(db, 70, edited(db, 70));
    }, { kind: 'tree', index: 32 }],
    ['two edited entries in different segments', (db) => {
      setBody(db, 250, edited(db, 250));
      setBody(db, 40, edited(db, 40));
    }, { kind: 'edited', index: 40 }],
    ['a full rewrite before a checkpoint inside a segment', (db) => {
      setBody(db, 33, edited(db, 33));
      rebuildTree(db);
    }, { kind: 'checkpoint_root', index: 0, request_id: 'req-000036',
      message: expect.stringContaining('entries 0 to 36') as unknown as string }],
    ['a full rewrite, then an edit later in the same segment', (db) => {
      setBody(db, 33, edited(db, 33));
      rebuildTree(db);
      setBody(db, 45, edited(db, 45));
    }, { kind: 'checkpoint_root', index: 0 }],
    ['a full rewrite before a checkpoint at a segment end', (db) => {
      setBody(db, 120, edited(db, 120));
      rebuildTree(db);
    }, { kind: 'checkpoint_root', index: 100,
      message: expect.stringContaining('entries 100 to 127') as unknown as string }],
    ['a full rewrite after the last whole segment', (db) => {
      setBody(db, 290, edited(db, 290));
      rebuildTree(db);
    }, { kind: 'checkpoint_root', index: 200 }],
    ['a rollback', (db) => db.prepare('DELETE FROM entries WHERE seq >= 250').run(),
      { kind: 'rollback', index: 250 }],
  ];

  it.each(cases)('names the same first problem: %s', async (_name, work, problem) => {
    tamper(dataDir, work);
    const report = await verifyBoth();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject(problem);
  });

  it('replays one by one a segment whose entries ended early', async () => {
    const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
    const { store } = ledger.context;
    const { trusted } = trustCheckpoints((await store.checkpoints()).map((c) => c.note),
      NoteVerifier.fromVerifierKey(verifierKey));
    const replay = new EntryVerifier(trusted);
    // The last segment asked for runs past the 300 entries, as after a truncation.
    for (let start = 0; start <= 288; start += SEGMENT) {
      const checkpoints = CHECKPOINTS.filter((size) => size > start && size <= start + SEGMENT);
      const summary = await verifySegment(store, { start, level: 4, checkpoints });
      expect(replay.pushSegment(summary)).toBe(start < 288);
    }
    expect(replay.size).toBe(288);
    expect(replay.problem).toBeUndefined();
    await replayStored(store, replay);
    await ledger.close();
    expect(replay.finish()).toEqual((await verifyWith({ threads: 1 })).report);
  });

  it('reports progress segment by segment', async () => {
    const { progress } = await verifyWith({ threads: 2, segmentSize: SEGMENT });
    expect(progress.slice(0, 18)).toEqual(Array.from({ length: 18 }, (_, i) => (i + 1) * SEGMENT));
    expect(progress.at(-1)).toBe(ENTRIES);
  });

  it('refuses a segment size that is not a power of two', async () => {
    await expect(verifyWith({ threads: 2, segmentSize: 24 })).rejects
      .toThrow("'segmentSize' must be a power of two of at least 2: got 24");
  });

  it.skipIf(!existsSync(DIST_VERIFY))('starts its threads from the compiled dist/', async () => {
    const compiled = await import(pathToFileURL(DIST_VERIFY).href) as
      { verifyStoredLedger: typeof verifyStoredLedger };
    tamper(dataDir, (db) => setBody(db, 150, edited(db, 150)));
    const { report, progress } = await verifyWith({ threads: 2, segmentSize: SEGMENT },
      compiled.verifyStoredLedger);
    expect(progress[0]).toBe(SEGMENT);
    expect(report.problem).toMatchObject({ kind: 'edited', index: 150 });
  });
});
