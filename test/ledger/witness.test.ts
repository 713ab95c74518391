import { createPublicKey, verify } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import { formatCheckpoint } from '../../src/ledger/checkpoint/checkpoint-text.js';
import { formatNote, parseNote } from '../../src/ledger/checkpoint/signed-note.js';
import { submitToWitness } from '../../src/ledger/checkpoint/witness-client.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';
import { startWitness, type TestWitness } from './witness-server.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function setUp(): Promise<{ ledger: Ledger; witness: TestWitness }> {
  const dataDir = tempDataDir();
  // The witness must know the log key first, so open once to make it.
  const first = await Ledger.open({ dataDir, config: ledgerConfig(), background: false });
  const log = NoteVerifier.fromVerifierKey(first.context.signer.verifierKey());
  await first.close();
  const witness = await startWitness(log);
  cleanup.push(() => witness.close());
  const ledger = await Ledger.open({ dataDir, background: false,
    config: ledgerConfig({ witnesses: [{ url: witness.url }] }) });
  cleanup.push(() => ledger.close());
  return { ledger, witness };
}

function cosignatureVerifies(lines: string, witness: TestWitness, text: string): boolean {
  const blob = Buffer.from(lines.trim().split(' ')[2] ?? '', 'base64');
  const time = blob.readBigUInt64BE(4);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519',
    x: witness.publicKey.toString('base64url') }, format: 'jwk' });
  return verify(null, Buffer.from(`cosignature/v1\ntime ${time}\n${text}`), key,
    blob.subarray(12));
}

describe('witnesses (C2SP tlog-witness)', () => {
  it('get each checkpoint with a consistency proof and their cosignatures are kept', async () => {
    const { ledger, witness } = await setUp();
    for (let i = 0; i < 5; i += 1) await ledger.append(sampleRequest(i));
    const first = await ledger.checkpoint();
    await ledger.checkpointer.settled();
    for (let i = 5; i < 13; i += 1) await ledger.append(sampleRequest(i));
    const second = await ledger.checkpoint();
    await ledger.checkpointer.settled();

    expect(witness.state.size).toBe(13);
    const { store } = ledger.context;
    for (const row of [first, second]) {
      const [cosignature] = await store.cosignatures(row?.size ?? -1);
      expect(cosignature?.witness).toBe(witness.url);
      expect(cosignatureVerifies(cosignature?.lines ?? '', witness,
        parseNote(row?.note ?? '').text)).toBe(true);
    }
  });

  it('recovers when the witness knows another size (409)', async () => {
    const { ledger, witness } = await setUp();
    for (let i = 0; i < 6; i += 1) await ledger.append(sampleRequest(i));
    await ledger.checkpoint();
    await ledger.checkpointer.settled();
    await ledger.context.store.setWitnessSize(witness.url, 2);
    await ledger.append(sampleRequest(6));
    await ledger.checkpoint();
    await ledger.checkpointer.settled();
    expect(witness.state.size).toBe(7);
  });

  it('refuse a checkpoint inconsistent with the one they cosigned', async () => {
    const { ledger, witness } = await setUp();
    for (let i = 0; i < 8; i += 1) await ledger.append(sampleRequest(i));
    await ledger.checkpoint();
    await ledger.checkpointer.settled();
    expect(witness.state.size).toBe(8);

    // A forked checkpoint signed with the log key: size 9 but a different history.
    const { signer, store, reader } = ledger.context;
    const text = formatCheckpoint({ origin: signer.name, size: 9, root: Buffer.alloc(32, 7) });
    const note = formatNote(text, [signer.sign(text)]);
    await ledger.append(sampleRequest(8));
    const result = await submitToWitness({ url: witness.url, note, size: 9, store, reader });
    expect(result).toMatchObject({ ok: false });
    expect(result.error).toContain('422');
    expect(witness.state.size).toBe(8);
  });
});
