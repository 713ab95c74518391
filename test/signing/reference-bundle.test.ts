import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyModel } from '../../src/signing/verify-model.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('bundles written by the reference model_signing tool', () => {
  let dir: string;
  let model: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-reference-'));
    model = join(dir, 'v1.1.0-elliptic-key');
    mkdirSync(model);
    writeFileSync(join(model, 'signme-1'), 'signme-1\n');
    writeFileSync(join(model, 'signme-2'), 'signme-2');
    writeFileSync(join(model, 'ignore-me'), '');
    copyFileSync(join(FIXTURES, 'reference-v1.1.0-ec-key.sig'), join(model, 'model.sig'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const verify = () => verifyModel(model, {
    publicKeyFile: join(FIXTURES, 'reference-v1.1.0-ec-key.pub.pem'),
    signatureFile: join(model, 'model.sig'),
  });

  it('verifies with the P-384 key it names', async () => {
    await expect(verify()).resolves.toEqual({ name: 'v1.1.0-elliptic-key', files: 2 });
  });

  it('fails when a signed file changes', async () => {
    writeFileSync(join(model, 'signme-2'), 'signme-2 changed');
    await expect(verify()).rejects.toMatchObject({ code: 'model_digest_mismatch' });
  });
});
