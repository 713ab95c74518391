import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuilt, runCli } from '../scan/run-cli.js';

describe.runIf(cliBuilt())('tokenwarden model (built CLI)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-model-cli-'));
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'weights.bin'), Buffer.alloc(4096, 9));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes keys, signs, verifies, and exits 2 naming a tampered file', () => {
    const keygen = runCli(['model', 'keygen', '--private-key', 'k.pem', '--public-key', 'k.pub'],
      dir);
    expect(keygen.status).toBe(0);
    expect(statSync(join(dir, 'k.pem')).mode & 0o777).toBe(0o600);

    const sign = runCli(['model', 'sign', 'm', '--private-key', 'k.pem', '--signature', 'm.sig'],
      dir);
    expect(sign.status).toBe(0);

    const ok = runCli(['model', 'verify', 'm', '--public-key', 'k.pub', '--signature', 'm.sig'],
      dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('verified 1 files');

    const json = runCli(['model', 'verify', 'm', '--public-key', 'k.pub', '--signature', 'm.sig',
      '--format', 'json'], dir);
    expect(JSON.parse(json.stdout)).toEqual({ verified: true, model: 'm', files: 1 });

    writeFileSync(join(dir, 'm', 'weights.bin'), Buffer.alloc(4096, 8));
    const bad = runCli(['model', 'verify', 'm', '--public-key', 'k.pub', '--signature', 'm.sig'],
      dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("changed 'weights.bin'");
    expect(bad.stderr).toContain('model_digest_mismatch');
  });

  it('refuses to overwrite an existing private key', () => {
    writeFileSync(join(dir, 'taken.pem'), 'x');
    const result = runCli(['model', 'keygen', '--private-key', 'taken.pem', '--public-key',
      'taken.pub'], dir);
    expect(result.status).toBe(2);
  });

  it('exits 2 on a key that is not an EC key', () => {
    writeFileSync(join(dir, 'junk.pem'), 'not a key');
    const result = runCli(['model', 'sign', 'm', '--private-key', 'junk.pem'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('signing_key_invalid');
  });
});
