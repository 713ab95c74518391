import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/ledger.js';
import { ledgerConfig, runCli, sampleRequest, tempDataDir } from './fixtures.js';

describe('ledger commands', () => {
  it('print checkpoints, proofs, attestations and pending work as JSON', async () => {
    const dir = tempDataDir();
    const ledger = await Ledger.open({ dataDir: dir, config: ledgerConfig(), background: false });
    for (let i = 0; i < 6; i += 1) await ledger.append(sampleRequest(i));
    await ledger.close();
    const config = join(dir, 'tw.yaml');
    writeFileSync(config, `data_dir: ${dir}\nledger:\n  oversight:\n`
      + '    - scope: department:finance\n      attestations: 2\n');

    const checkpoint = await runCli(['-c', config, 'audit', 'checkpoint', '--format', 'json']);
    expect(JSON.parse(checkpoint.stdout)).toMatchObject({ size: 6, cosignatures: [] });

    const proof = await runCli(['-c', config, 'audit', 'proof', 'req-000003']);
    expect(JSON.parse(proof.stdout)).toMatchObject({ index: 3, tree_size: 6, verified: true });

    const attested = await runCli(['-c', config, 'attest', 'req-000003', '--by', 'Ana',
      '--verdict', 'approved', '--format', 'json']);
    expect(JSON.parse(attested.stdout)).toMatchObject({ index: 6, target_index: 3,
      oversight: { status: 'pending', required: 2, approved_by: ['Ana'] } });

    const pending = await runCli(['-c', config, 'audit', 'pending', '--format', 'json']);
    const rows = (JSON.parse(pending.stdout) as { pending: { request_id: string;
      approvals: number }[] }).pending;
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.request_id === 'req-000003')?.approvals).toBe(1);

    const missing = await runCli(['-c', config, 'audit', 'show', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[ledger_entry_not_found]');
  }, 60_000);
});
