import { afterEach, describe, expect, it } from 'vitest';
import { showRequest } from '../../src/ledger/audit/show-request.js';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { applyRetention } from '../../src/ledger/content/apply-retention.js';
import { eraseUser } from '../../src/ledger/content/erase-user.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { findProvenance } from '../../src/ledger/provenance/find-passages.js';
import { verifyStoredLedger } from '../../src/ledger/verify/verify-ledger.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';

const open: Ledger[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function openLedger(config = {}): Promise<Ledger> {
  const ledger = await Ledger.open({ dataDir: tempDataDir(), config: ledgerConfig(config),
    background: false });
  open.push(ledger);
  return ledger;
}

async function verifies(ledger: Ledger): Promise<boolean> {
  const { store, signer } = ledger.context;
  return (await verifyStoredLedger({ store,
    verifier: NoteVerifier.fromVerifierKey(signer.verifierKey()) })).ok;
}

const BOB_ANSWER = 'Bob asked about his medical leave and the model explained the three steps '
  + 'of the procedure, the forms to sign and the deadline of the end of the month for filing.';

describe('erasure (crypto-shredding)', () => {
  it("makes one user's content unreadable while every proof still verifies", async () => {
    const ledger = await openLedger();
    for (let i = 0; i < 10; i += 1) {
      await ledger.append(sampleRequest(i, i === 3 ? { answerText: BOB_ANSWER } : {}));
    }
    await ledger.checkpoint();
    expect((await findProvenance(ledger, BOB_ANSWER)).passages).toHaveLength(1);

    const result = await eraseUser(ledger, 'bob');
    expect(result).toMatchObject({ user: 'bob', keys_destroyed: 1, entries_affected: 5 });

    const bob = await showRequest(ledger, 'req-000003');
    expect(bob.content.status).toBe('erased');
    expect(bob.content.answer).toBeUndefined();
    expect(bob.inclusion.verified).toBe(true);
    expect((await showRequest(ledger, 'req-000002')).content.status).toBe('available');
    expect((await findProvenance(ledger, BOB_ANSWER)).passages).toHaveLength(0);
    expect(await verifies(ledger)).toBe(true);
  });

  it('never indexes the answers of a user erased before the index caught up', async () => {
    const ledger = await openLedger();
    await ledger.append(sampleRequest(3, { answerText: BOB_ANSWER }));
    await eraseUser(ledger, 'bob');
    expect((await findProvenance(ledger, BOB_ANSWER)).passages).toHaveLength(0);
  });

  it('gives the user a fresh key for later requests', async () => {
    const ledger = await openLedger();
    await ledger.append(sampleRequest(1));
    await eraseUser(ledger, 'bob');
    await ledger.append(sampleRequest(3, { requestId: 'after' }));
    expect((await showRequest(ledger, 'after')).content.status).toBe('available');
    expect((await showRequest(ledger, 'req-000001')).content.status).toBe('erased');
  });
});

describe('retention', () => {
  it('deletes content past the period and keeps every leaf verifiable', async () => {
    const ledger = await openLedger({ retention: '30d' });
    const now = Date.UTC(2026, 5, 1);
    for (let i = 0; i < 20; i += 1) {
      const days = i < 12 ? 60 - i : 5;
      await ledger.append(sampleRequest(i, {
        time: new Date(now - days * 86_400_000).toISOString() }));
    }
    await ledger.checkpoint();

    const deleted = await applyRetention(ledger.context, new Date(now));
    expect(deleted).toBe(12);
    expect((await showRequest(ledger, 'req-000004')).content.status).toBe('expired');
    expect((await showRequest(ledger, 'req-000015')).content.status).toBe('available');
    expect(await applyRetention(ledger.context, new Date(now))).toBe(0);
    expect(await verifies(ledger)).toBe(true);
  });

  it('keeps at least 183 days by default', () => {
    expect(ledgerConfig().retention).toBe(183 * 86_400_000);
  });
});
