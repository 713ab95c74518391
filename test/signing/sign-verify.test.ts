import { createHash } from 'node:crypto';
import {
  cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signModel } from '../../src/signing/sign-model.js';
import { generateKeyFiles } from '../../src/signing/signing-keys.js';
import { verifyModel } from '../../src/signing/verify-model.js';

interface Bundle {
  mediaType: string;
  verificationMaterial: { publicKey: { hint: string }; tlogEntries: unknown[] };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
}

describe('model signing', () => {
  let root: string;
  let pristine: string;
  let model: string;
  let keys: { priv: string; pub: string; otherPub: string };
  let signature: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tw-sign-'));
    pristine = join(root, 'pristine');
    mkdirSync(join(pristine, 'weights'), { recursive: true });
    writeFileSync(join(pristine, 'config.json'), '{"layers": 2}\n');
    writeFileSync(join(pristine, 'weights', 'a.bin'), Buffer.alloc(100_000, 1));
    writeFileSync(join(pristine, 'weights', 'b.bin'), Buffer.alloc(50_000, 2));
    writeFileSync(join(pristine, 'a.txt'), 'sorted after the weights folder? no: before it\n');

    keys = { priv: join(root, 'k.pem'), pub: join(root, 'k.pub'), otherPub: join(root, 'o.pub') };
    generateKeyFiles(keys.priv, keys.pub);
    generateKeyFiles(join(root, 'o.pem'), keys.otherPub);
    signature = join(root, 'model.sig');
  });

  beforeEach(async () => {
    model = join(root, 'model');
    rmSync(model, { recursive: true, force: true });
    cpSync(pristine, model, { recursive: true });
    await signModel(model, { privateKeyFile: keys.priv, signatureFile: signature });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const verify = (publicKeyFile = keys.pub) =>
    verifyModel(model, { publicKeyFile, signatureFile: signature });

  it('writes the private key with mode 0600', () => {
    expect(statSync(keys.priv).mode & 0o777).toBe(0o600);
  });

  it('verifies an untouched model', async () => {
    await expect(verify()).resolves.toEqual({ name: 'model', files: 4 });
  });

  it('writes an OpenSSF model-signing v1 bundle', () => {
    const bundle = JSON.parse(readFileSync(signature, 'utf8')) as Bundle;
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.verificationMaterial.publicKey.hint).toMatch(/^[0-9a-f]{64}$/);
    expect(bundle.verificationMaterial.tlogEntries).toEqual([]);
    expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');

    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64')
      .toString('utf8')) as {
      _type: string; predicateType: string;
      subject: { name: string; digest: { sha256: string } }[];
      predicate: { resources: { name: string; algorithm: string; digest: string }[];
        serialization: { method: string; hash_type: string; allow_symlinks: boolean } };
    };
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(statement.predicate.serialization).toMatchObject({
      method: 'files', hash_type: 'sha256', allow_symlinks: false,
    });

    const names = statement.predicate.resources.map((r) => r.name);
    expect(names).toEqual(['a.txt', 'config.json', 'weights/a.bin', 'weights/b.bin']);
    const expected = createHash('sha256').update(Buffer.alloc(100_000, 1)).digest('hex');
    expect(statement.predicate.resources[2]).toEqual({
      name: 'weights/a.bin', algorithm: 'sha256', digest: expected,
    });

    const subject = createHash('sha256');
    for (const r of statement.predicate.resources) subject.update(Buffer.from(r.digest, 'hex'));
    expect(statement.subject).toEqual([{ name: 'model', digest: { sha256: subject.digest('hex') } }]);
  });

  it('names a changed file', async () => {
    writeFileSync(join(model, 'weights', 'b.bin'), Buffer.alloc(50_000, 3));
    await expect(verify()).rejects.toMatchObject({
      code: 'model_digest_mismatch', message: expect.stringContaining("changed 'weights/b.bin'"),
    });
  });

  it('names an added file', async () => {
    writeFileSync(join(model, 'extra.py'), 'print(1)\n');
    await expect(verify()).rejects.toMatchObject({
      code: 'model_digest_mismatch', message: expect.stringContaining("added 'extra.py'"),
    });
  });

  it('names a removed file', async () => {
    unlinkSync(join(model, 'config.json'));
    await expect(verify()).rejects.toMatchObject({
      code: 'model_digest_mismatch', message: expect.stringContaining("removed 'config.json'"),
    });
  });

  it('names a renamed file', async () => {
    renameSync(join(model, 'weights', 'a.bin'), join(model, 'weights', 'c.bin'));
    await expect(verify()).rejects.toMatchObject({
      code: 'model_digest_mismatch',
      message: expect.stringContaining("renamed 'weights/a.bin' -> 'weights/c.bin'"),
    });
  });

  it('rejects the wrong public key', async () => {
    await expect(verify(keys.otherPub)).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('rejects an edited bundle payload even with a consistent digest', async () => {
    const bundle = JSON.parse(readFileSync(signature, 'utf8')) as Bundle;
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64')
      .toString('utf8')) as { predicate: { resources: { name: string }[] } };
    statement.predicate.resources.pop();
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    writeFileSync(signature, JSON.stringify(bundle));
    await expect(verify()).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('rejects a bundle whose signature bytes were altered', async () => {
    const bundle = JSON.parse(readFileSync(signature, 'utf8')) as Bundle;
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0]?.sig ?? '', 'base64');
    sig[sig.length - 1] = (sig[sig.length - 1] ?? 0) ^ 1;
    bundle.dsseEnvelope.signatures = [{ sig: sig.toString('base64') }];
    writeFileSync(signature, JSON.stringify(bundle));
    await expect(verify()).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('rejects a file that is not a bundle', async () => {
    writeFileSync(signature, '{"hello": "world"}');
    await expect(verify()).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('signs and verifies a single file', async () => {
    const file = join(model, 'config.json');
    const sig = join(root, 'single.sig');
    await signModel(file, { privateKeyFile: keys.priv, signatureFile: sig });
    await expect(verifyModel(file, { publicKeyFile: keys.pub, signatureFile: sig }))
      .resolves.toEqual({ name: 'config.json', files: 1 });
    writeFileSync(file, '{"layers": 3}\n');
    await expect(verifyModel(file, { publicKeyFile: keys.pub, signatureFile: sig }))
      .rejects.toMatchObject({ code: 'model_digest_mismatch' });
  });

  it('leaves out ignored paths and a signature kept inside the model', async () => {
    const inside = join(model, 'model.sig');
    writeFileSync(join(model, 'notes.md'), 'draft\n');
    await signModel(model, {
      privateKeyFile: keys.priv, signatureFile: inside, ignorePaths: [join(model, 'notes.md')],
    });
    writeFileSync(join(model, 'notes.md'), 'changed draft\n');
    await expect(verifyModel(model, { publicKeyFile: keys.pub, signatureFile: inside }))
      .resolves.toEqual({ name: 'model', files: 4 });
  });
});
