import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/ledger.js';
import { exportBundle, verifyBundle } from '../../src/ledger/verify/bundle.js';
import { ledgerConfig, runCli, sampleRequest, tempDataDir } from './fixtures.js';

async function makeBundle(): Promise<{ dir: string; bundle: string; key: string }> {
  const dir = tempDataDir();
  const ledger = await Ledger.open({ dataDir: dir, config: ledgerConfig(), background: false });
  for (let i = 0; i < 30; i += 1) {
    await ledger.append(sampleRequest(i));
    if (i === 9) await ledger.checkpoint();
  }
  const bundle = join(dir, 'bundle.jsonl');
  expect(await exportBundle(ledger, bundle)).toBe(30);
  const key = join(dir, 'log.vkey');
  writeFileSync(key, ledger.context.signer.verifierKey());
  await ledger.close();
  return { dir, bundle, key };
}

function rewriteLine(path: string, line: number, change: (text: string) => string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[line] = change(lines[line] ?? '');
  writeFileSync(path, lines.join('\n'));
}

describe('offline bundles', () => {
  it('verify with nothing but the public key', async () => {
    const { bundle, key } = await makeBundle();
    const report = await verifyBundle(bundle, readFileSync(key, 'utf8'));
    expect(report).toMatchObject({ ok: true, size: 30, checkpoints_checked: 2, covered_size: 30,
      uncovered: 0 });
  });

  it('catch an edited entry in the bundle', async () => {
    const { bundle, key } = await makeBundle();
    rewriteLine(bundle, 1 + 15, (text) => text.replace('"status":200', '"status":201'));
    const report = await verifyBundle(bundle, readFileSync(key, 'utf8'));
    expect(report.problem).toMatchObject({ kind: 'checkpoint_root', index: 10 });
  });

  it('catch a removed entry and name it', async () => {
    const { bundle, key } = await makeBundle();
    rewriteLine(bundle, 1 + 4, () => '');
    const lines = readFileSync(bundle, 'utf8').split('\n').filter((l) => l !== '');
    writeFileSync(bundle, `${lines.join('\n')}\n`);
    const report = await verifyBundle(bundle, readFileSync(key, 'utf8'));
    expect(report.problem).toMatchObject({ kind: 'deleted', index: 4 });
  });

  it('refuse another log key', async () => {
    const { bundle } = await makeBundle();
    const other = await makeBundle();
    const report = await verifyBundle(bundle, readFileSync(other.key, 'utf8'));
    expect(report.problem?.kind).toBe('checkpoint_signature');
  });

  it('export and verify through the CLI', async () => {
    const dir = tempDataDir();
    const ledger = await Ledger.open({ dataDir: dir, config: ledgerConfig(), background: false });
    for (let i = 0; i < 5; i += 1) await ledger.append(sampleRequest(i));
    await ledger.close();
    const config = join(dir, 'tw.yaml');
    writeFileSync(config, `data_dir: ${dir}\n`);
    const out = join(dir, 'b.jsonl');
    const exported = await runCli(['-c', config, 'audit', 'export', '--out', out,
      '--format', 'json']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ entries: 5 });
    const verified = await runCli(['audit', 'verify', '--bundle', out, '--public-key',
      join(dir, 'ledger-signing.vkey'), '--format', 'json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, size: 5 });
  });
});
