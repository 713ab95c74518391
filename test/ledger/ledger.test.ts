import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCheckpoint } from '../../src/ledger/checkpoint/checkpoint-text.js';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { EM_DASH, keyIdOf, parseNote } from '../../src/ledger/checkpoint/signed-note.js';
import { canonicalJson } from '../../src/ledger/canonical-json.js';
import { decodeEntry } from '../../src/ledger/entry.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { proveRequest } from '../../src/ledger/audit/prove-request.js';
import { showRequest } from '../../src/ledger/audit/show-request.js';
import { verifyStoredLedger } from '../../src/ledger/verify/verify-ledger.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';

const open: Ledger[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

async function openLedger(dataDir = tempDataDir(), config = {}): Promise<Ledger> {
  const ledger = await Ledger.open({ dataDir, config: ledgerConfig(config), background: false });
  open.push(ledger);
  return ledger;
}

function verifierOf(ledger: Ledger): NoteVerifier {
  return NoteVerifier.fromVerifierKey(ledger.context.signer.verifierKey());
}

describe('ledger entries', () => {
  it('gives each append its index, in one group commit per event-loop turn', async () => {
    const ledger = await openLedger();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      ledger.append(sampleRequest(i))));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect((await ledger.context.store.treeState()).size).toBe(50);
  });

  it('stores canonical, versioned JSON with commitments and no plain text', async () => {
    const ledger = await openLedger();
    const request = sampleRequest(3, { findings: [{ ruleId: 'pii.email', kind: 'pii',
      action: 'redact' }] });
    await ledger.append(request);
    const row = await ledger.context.store.requestEntry(request.requestId);
    const text = row?.body.toString('utf8') ?? '';
    const body = decodeEntry(row?.body ?? Buffer.alloc(0));

    expect(canonicalJson(JSON.parse(text))).toBe(text);
    expect(body).toMatchObject({ v: 1, type: 'request', seq: 0, request_id: 'req-000003',
      status: 200, outcome: 'ok', model: 'gpt-4o-mini', content: 'stored',
      findings: [{ rule_id: 'pii.email', kind: 'pii', action: 'redact' }] });
    expect(text).not.toContain('quarterly revenue');
    expect(text).not.toContain('Summarise');
    if (body.type !== 'request') throw new Error('not a request');
    expect(body.answer_commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it('decrypts the content again and checks it against the commitments', async () => {
    const ledger = await openLedger();
    const request = sampleRequest(4);
    await ledger.append(request);
    const view = await showRequest(ledger, request.requestId);
    expect(view.content).toMatchObject({ status: 'available', prompt: request.prompt,
      answer: request.answer, answer_text: request.answerText, commitments_match: true });
    expect(view.inclusion.verified).toBe(true);
  });

  it('keeps only commitments with store_content false', async () => {
    const ledger = await openLedger(tempDataDir(), { store_content: false });
    await ledger.append(sampleRequest(1));
    const view = await showRequest(ledger, 'req-000001');
    expect(view.entry.content).toBe('commitments_only');
    expect(view.content.status).toBe('not_stored');
  });

  it('fails only the append whose entry cannot be serialised', async () => {
    const ledger = await openLedger();
    const bad = sampleRequest(1, { usage: { inputTokens: Number.NaN, cachedTokens: 0,
      cacheWriteTokens: 0, outputTokens: 0, reasoningTokens: 0, estimated: true } });
    const results = await Promise.allSettled([ledger.append(sampleRequest(0)),
      ledger.append(bad), ledger.append(sampleRequest(2))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await verifyStoredLedger({ store: ledger.context.store,
      verifier: verifierOf(ledger) })).ok).toBe(true);
  });

  it('refuses appends after close', async () => {
    const ledger = await openLedger();
    await ledger.close();
    await expect(ledger.append(sampleRequest(0))).rejects.toMatchObject({ code: 'ledger_closed' });
  });

  it('makes its keys at first start with mode 0600 and reuses them', async () => {
    const dir = tempDataDir();
    const first = await openLedger(dir);
    const key = first.context.signer.verifierKey();
    await first.close();
    for (const file of ['ledger-master.key', 'ledger-signing.key']) {
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    }
    const second = await openLedger(dir);
    expect(second.context.signer.verifierKey()).toBe(key);
  });
});

describe('checkpoints', () => {
  it('are C2SP signed notes that verify with the log key', async () => {
    const ledger = await openLedger(tempDataDir(), { origin: 'example.com/tw-log' });
    for (let i = 0; i < 5; i += 1) await ledger.append(sampleRequest(i));
    const row = await ledger.checkpoint();
    const note = row?.note ?? '';

    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual(['example.com/tw-log', '5',
      row?.root.toString('base64'), '']);
    expect(lines[4]?.startsWith(`${EM_DASH} example.com/tw-log `)).toBe(true);
    const signature = parseNote(note).signatures[0];
    const { signer } = ledger.context;
    expect(signature?.keyId).toEqual(keyIdOf('example.com/tw-log', 1, signer.publicKey));
    expect(signature?.signature.length).toBe(64);
    expect(verifierOf(ledger).verify(note)).toBe(true);
    expect(verifierOf(ledger).verify(note.replace('\n5\n', '\n6\n'))).toBe(false);
    expect(parseCheckpoint(parseNote(note).text).size).toBe(5);
  });

  it('are issued after checkpoint_entries entries and written to checkpoint_dir', async () => {
    const dir = tempDataDir();
    const checkpointDir = join(dir, 'checkpoints');
    const ledger = await Ledger.open({ dataDir: dir, config: ledgerConfig({
      checkpoint_entries: 10, checkpoint_dir: checkpointDir }) });
    open.push(ledger);
    for (let i = 0; i < 25; i += 1) await ledger.append(sampleRequest(i));
    await ledger.close();

    const files = readdirSync(checkpointDir).sort();
    expect(files).toContain('checkpoint-latest.txt');
    expect(files.filter((f) => /^checkpoint-\d{12}\.txt$/.test(f)).length).toBeGreaterThanOrEqual(2);
    const latest = readFileSync(join(checkpointDir, 'checkpoint-latest.txt'), 'utf8');
    expect(latest.split('\n')[1]).toBe('25');
  });

  it('is re-used when nothing was appended since', async () => {
    const ledger = await openLedger();
    await ledger.append(sampleRequest(0));
    const a = await ledger.checkpoint();
    const b = await ledger.checkpoint();
    expect(b?.note).toBe(a?.note);
    expect(await ledger.context.store.checkpoints()).toHaveLength(1);
  });
});

describe('proofs', () => {
  it('proves a request is included in the latest checkpoint', async () => {
    const ledger = await openLedger();
    for (let i = 0; i < 37; i += 1) await ledger.append(sampleRequest(i));
    const proof = await proveRequest(ledger, 'req-000021');
    expect(proof).toMatchObject({ index: 21, tree_size: 37, verified: true });
    expect(proof.proof.length).toBeGreaterThan(0);
    await expect(proveRequest(ledger, 'missing')).rejects
      .toMatchObject({ code: 'ledger_entry_not_found' });
  });

  it('verifies a ledger with several checkpoints', async () => {
    const ledger = await openLedger();
    for (let i = 0; i < 30; i += 1) {
      await ledger.append(sampleRequest(i));
      if (i % 7 === 6) await ledger.checkpoint();
    }
    const report = await verifyStoredLedger({ store: ledger.context.store,
      verifier: verifierOf(ledger) });
    expect(report).toMatchObject({ ok: true, size: 30, checkpoints_checked: 4, covered_size: 28 });
  });
});
