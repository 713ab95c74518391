import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFiles } from '../../src/signing/hash-files.js';
import { comparePaths } from '../../src/signing/model-files.js';

describe('hashFiles', () => {
  it('matches SHA-256 of each file, in order, also through the worker pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tw-hash-'));
    const contents = [randomBytes(40 << 20), randomBytes(1024), Buffer.alloc(0),
      randomBytes(30 << 20)];
    const paths = contents.map((content, i) => {
      const path = join(dir, `f${i}`);
      writeFileSync(path, content);
      return path;
    });

    const digests = await hashFiles(paths);
    rmSync(dir, { recursive: true, force: true });
    expect(digests).toEqual(contents.map((c) => createHash('sha256').update(c).digest('hex')));
  });
});

describe('comparePaths', () => {
  it('orders by path component as the reference tool does', () => {
    const names = ['a.txt', 'a/b', 'a-b', 'B', 'a/a/z'];
    expect([...names].sort(comparePaths)).toEqual(['B', 'a/a/z', 'a/b', 'a-b', 'a.txt']);
  });
});
