import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerAdminRoutes } from '../../src/ledger/admin-routes.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { attest } from '../../src/ledger/oversight/attest.js';
import { pendingAttestations } from '../../src/ledger/oversight/pending.js';
import { showRequest } from '../../src/ledger/audit/show-request.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';

const open: Ledger[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

/** Agent "drafter" needs one attestation, department "legal" two. */
async function openLedger(): Promise<Ledger> {
  const ledger = await Ledger.open({ dataDir: tempDataDir(), background: false,
    config: ledgerConfig({ oversight: [{ scope: 'agent:drafter', attestations: 1 },
      { scope: 'department:legal', attestations: 2 }] }) });
  open.push(ledger);
  await ledger.append(sampleRequest(1, { requestId: 'draft', identity: { user: 'ann',
    department: 'sales', agent: 'drafter' } }));
  await ledger.append(sampleRequest(2, { requestId: 'legal', identity: { user: 'lea',
    department: 'legal' } }));
  await ledger.append(sampleRequest(3, { requestId: 'free', identity: { user: 'max',
    department: 'sales' } }));
  await ledger.append(sampleRequest(4, { requestId: 'blocked', outcome: 'blocked', status: 403,
    identity: { user: 'lea', department: 'legal' } }));
  return ledger;
}

describe('human oversight', () => {
  it('lists only answers that the policy says still need attestations', async () => {
    const ledger = await openLedger();
    const pending = await pendingAttestations(ledger);
    expect(pending.map((p) => [p.request_id, p.required]).sort()).toEqual([['draft', 1],
      ['legal', 2]]);
  });

  it('needs two different people where the policy says two', async () => {
    const ledger = await openLedger();
    const one = await attest(ledger, { requestId: 'legal', by: 'carol', verdict: 'approved' });
    expect(one.oversight).toMatchObject({ status: 'pending', required: 2 });
    const again = await attest(ledger, { requestId: 'legal', by: 'carol', verdict: 'approved' });
    expect(again.oversight.status).toBe('pending');
    const two = await attest(ledger, { requestId: 'legal', by: 'dave', verdict: 'edited',
      editedText: 'A corrected answer.' });
    expect(two.oversight).toMatchObject({ status: 'validated', approved_by: ['carol', 'dave'] });
    expect((await pendingAttestations(ledger)).map((p) => p.request_id)).toEqual(['draft']);
  });

  it('binds the attestation entry to the request entry', async () => {
    const ledger = await openLedger();
    await attest(ledger, { requestId: 'draft', by: 'eve', verdict: 'rejected', note: 'wrong' });
    const view = await showRequest(ledger, 'draft');
    expect(view.oversight.status).toBe('rejected');
    expect(view.attestations[0]).toMatchObject({ type: 'attestation', target_seq: 0,
      by: 'eve', verdict: 'rejected', request_id: 'draft' });
    expect(view.attestations[0]?.target_leaf).toMatch(/^[0-9a-f]{64}$/);
    expect(view.attestations[0]?.note_commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a wrong verdict, an unknown request and a request without an answer', async () => {
    const ledger = await openLedger();
    await expect(attest(ledger, { requestId: 'draft', by: 'x', verdict: 'maybe' })).rejects
      .toMatchObject({ code: 'attestation_invalid' });
    await expect(attest(ledger, { requestId: 'nope', by: 'x', verdict: 'approved' })).rejects
      .toMatchObject({ code: 'ledger_entry_not_found' });
    await expect(attest(ledger, { requestId: 'blocked', by: 'x', verdict: 'approved' }))
      .rejects.toMatchObject({ code: 'attestation_invalid' });
  });

  it('works through the admin routes', async () => {
    const ledger = await openLedger();
    const app = Fastify();
    await app.register(ledgerAdminRoutes, { ledger });
    const posted = await app.inject({ method: 'POST', url: '/admin/attestations',
      payload: { request_id: 'draft', by: 'frank', verdict: 'approved' } });
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({ target_index: 0, oversight: { status: 'validated' } });

    const pending = await app.inject({ method: 'GET', url: '/admin/audit/pending' });
    expect(pending.json<{ pending: { request_id: string }[] }>().pending
      .map((p) => p.request_id)).toEqual(['legal']);
    const entry = await app.inject({ method: 'GET', url: '/admin/audit/entries/draft' });
    expect(entry.json()).toMatchObject({ request_id: 'draft', inclusion: { verified: true } });

    const bad = await app.inject({ method: 'POST', url: '/admin/attestations',
      payload: { request_id: 'draft', by: '', verdict: 'approved' } });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    await app.close();
  });
});
