import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { verifyStoredLedger } from '../../src/ledger/verify/verify-ledger.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';

const CHILD = fileURLToPath(new URL('./append-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the appending child and kills it with SIGKILL once `ackedAtLeast` are durable. */
function appendThenKill(dataDir: string, ackedAtLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = -1;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) acked = Math.max(acked, Number(line.split(' ')[1]));
      if (acked >= ackedAtLeast) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child ended without being killed (${signal})`));
    });
  });
}

describe('kill -9 during appends', () => {
  it('leaves a ledger that verifies, holds every acknowledged entry and no '
    + 'checkpoint beyond its entries', async () => {
    const dataDir = tempDataDir();
    const acked = await appendThenKill(dataDir, 1500);

    const ledger = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
    const { store, signer } = ledger.context;
    const report = await verifyStoredLedger({ store,
      verifier: NoteVerifier.fromVerifierKey(signer.verifierKey()) });
    expect(report.ok).toBe(true);
    expect(report.size).toBeGreaterThan(acked);
    expect(report.checkpoints_checked).toBeGreaterThan(0);
    const checkpoints = await store.checkpoints();
    expect(Math.max(...checkpoints.map((c) => c.size))).toBeLessThanOrEqual(report.size);
    expect(await store.requestEntry(sampleRequest(acked).requestId)).toBeDefined();

    // The ledger carries on where it stopped.
    const next = await ledger.append(sampleRequest(999_999));
    expect(next.index).toBe(report.size);
    expect((await ledger.checkpoint())?.size).toBe(report.size + 1);
    await ledger.close();
  }, 60_000);
});
