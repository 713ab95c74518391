import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { leafHash } from '../../src/ledger/merkle/hash.js';
import { nodeKey } from '../../src/ledger/merkle/node-key.js';
import {
  verifyExtends, verifyStoredLedger, type StoredLedgerVerify,
} from '../../src/ledger/verify/verify-ledger.js';
import type { VerifyReport } from '../../src/ledger/verify/verify-report.js';
import { ledgerConfig, runCli, sampleRequest, tempDataDir } from './fixtures.js';
import {
  body, edited, insertForged, rebuildTree, shift, tamper as tamperWith,
} from './tamper-helpers.js';

let dataDir: string;
let verifierKey: string;

/** 40 entries with checkpoints at 20 and 40. */
beforeEach(async () => {
  dataDir = tempDataDir();
  const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
  for (let i = 0; i < 40; i += 1) {
    await ledger.append(sampleRequest(i));
    if (i === 19) await ledger.checkpoint();
  }
  await ledger.checkpoint();
  verifierKey = ledger.context.signer.verifierKey();
  await ledger.close();
});

function tamper(work: (db: Database.Database) => void): void {
  tamperWith(dataDir, work);
}

/** How `verify` runs: on the calling thread, or on threads over segments of 4 entries. */
const MODES: { name: string; options: Partial<StoredLedgerVerify> }[] = [
  { name: 'on one thread', options: { threads: 1 } },
  { name: 'on threads', options: { threads: 2, segmentSize: 4 } },
];
let mode: Partial<StoredLedgerVerify> = {};

async function verify(): Promise<VerifyReport> {
  const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
  try {
    return await verifyStoredLedger({ ...mode, store: ledger.context.store,
      verifier: NoteVerifier.fromVerifierKey(verifierKey) });
  } finally {
    await ledger.close();
  }
}

describe.each(MODES)('verification locates tampering $name', ({ options }) => {
  beforeEach(() => {
    mode = options;
  });

  it('passes on an untouched ledger', async () => {
    expect(await verify()).toMatchObject({ ok: true, size: 40, checkpoints_checked: 2 });
  });

  it('names an edited entry', async () => {
    tamper((db) => db.prepare('UPDATE entries SET body = ? WHERE seq = 13').run(edited(db, 13)));
    expect((await verify()).problem).toMatchObject({ kind: 'edited', index: 13,
      request_id: 'req-000013' });
  });

  it('names an edited entry whose leaf hash was rewritten too', async () => {
    tamper((db) => {
      const forged = edited(db, 13);
      db.prepare('UPDATE entries SET body = ? WHERE seq = 13').run(forged);
      db.prepare('UPDATE nodes SET hash = ? WHERE key = ?').run(leafHash(forged), nodeKey(0, 13));
    });
    expect((await verify()).problem).toMatchObject({ kind: 'tree', index: 12 });
  });

  it('narrows a full rewrite of entries and tree to the checkpoint interval', async () => {
    tamper((db) => {
      db.prepare('UPDATE entries SET body = ? WHERE seq = 27').run(edited(db, 27));
      rebuildTree(db);
    });
    const { problem } = await verify();
    expect(problem).toMatchObject({ kind: 'checkpoint_root', index: 20 });
    expect(problem?.message).toContain('entries 20 to 39');
  });

  it('names a deleted entry', async () => {
    tamper((db) => db.prepare('DELETE FROM entries WHERE seq = 13').run());
    expect((await verify()).problem).toMatchObject({ kind: 'deleted', index: 13 });
  });

  it('names a deleted entry when the later ones were renumbered', async () => {
    tamper((db) => {
      db.prepare('DELETE FROM entries WHERE seq = 13').run();
      shift(db, 14, -1);
    });
    expect((await verify()).problem).toMatchObject({ kind: 'deleted', index: 13 });
  });

  it('names an inserted entry', async () => {
    tamper((db) => insertForged(db, 13));
    expect((await verify()).problem).toMatchObject({ kind: 'inserted', index: 13 });
  });

  it('names reordered entries', async () => {
    tamper((db) => {
      const [a, b] = [body(db, 13), body(db, 17)];
      db.prepare('UPDATE entries SET body = ? WHERE seq = 13').run(b);
      db.prepare('UPDATE entries SET body = ? WHERE seq = 17').run(a);
    });
    expect((await verify()).problem).toMatchObject({ kind: 'reordered', index: 13 });
  });

  it('catches a checkpoint whose root was replaced', async () => {
    tamper((db) => {
      const row = db.prepare<[], { note: string }>('SELECT note FROM checkpoints WHERE size = 20')
        .get();
      const forged = (row?.note ?? '').replace(/\n20\n[^\n]+\n/, `\n20\n${'A'.repeat(43)}=\n`);
      db.prepare('UPDATE checkpoints SET note = ? WHERE size = 20').run(forged);
    });
    expect((await verify()).problem).toMatchObject({ kind: 'checkpoint_signature' });
  });

  it('catches a rollback: a checkpoint covering entries that are gone', async () => {
    tamper((db) => db.prepare('DELETE FROM entries WHERE seq >= 30').run());
    expect((await verify()).problem).toMatchObject({ kind: 'rollback', index: 30 });
  });

  it('catches a rollback that also removed the checkpoints, given an older one', async () => {
    let saved = '';
    tamper((db) => {
      saved = db.prepare<[], { note: string }>('SELECT note FROM checkpoints WHERE size = 40')
        .get()?.note ?? '';
      db.prepare('DELETE FROM entries WHERE seq >= 30').run();
      db.prepare('DELETE FROM checkpoints WHERE size > 30').run();
    });
    const report = await verify();
    expect(report.ok).toBe(true);
    const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
    const result = await verifyExtends({ note: saved, report, reader: ledger.context.reader,
      verifier: NoteVerifier.fromVerifierKey(verifierKey) });
    await ledger.close();
    expect(result.problem).toMatchObject({ kind: 'rollback', index: 30 });
  });

});

describe('verification against a kept checkpoint and from the CLI', () => {
  beforeEach(() => {
    mode = {};
  });

  it('proves extension of an older checkpoint, and catches a rewritten history', async () => {
    let saved = '';
    tamper((db) => {
      saved = db.prepare<[], { note: string }>('SELECT note FROM checkpoints WHERE size = 20')
        .get()?.note ?? '';
    });
    const file = join(dataDir, 'old-checkpoint.txt');
    writeFileSync(file, saved);
    const config = join(dataDir, 'tw.yaml');
    writeFileSync(config, `data_dir: ${dataDir}\n`);
    const good = await runCli(['-c', config, 'audit', 'verify', '--checkpoint', file,
      '--format', 'json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ ok: true, extends: { size: 20 } });

    tamper((db) => {
      db.prepare('UPDATE entries SET body = ? WHERE seq = 5').run(edited(db, 5));
      rebuildTree(db);
      db.prepare('DELETE FROM checkpoints').run();
    });
    const bad = await runCli(['-c', config, 'audit', 'verify', '--checkpoint', file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('does not extend the checkpoint of size 20');
  });

  it('refuses to sign a checkpoint over a rewritten history', async () => {
    tamper((db) => {
      db.prepare('UPDATE entries SET body = ? WHERE seq = 5').run(edited(db, 5));
      rebuildTree(db);
    });
    const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
    await ledger.append(sampleRequest(100));
    await expect(ledger.checkpoint()).rejects.toMatchObject({ code: 'ledger_inconsistent' });
    await ledger.close();
  });

  it('exits 1 from the CLI and names the entry', async () => {
    tamper((db) => db.prepare('UPDATE entries SET body = ? WHERE seq = 13').run(edited(db, 13)));
    const config = join(dataDir, 'tw.yaml');
    writeFileSync(config, `data_dir: ${dataDir}\n`);
    const result = await runCli(['-c', config, 'audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('entry 13 does not match its leaf hash (edited)');
  });
});
