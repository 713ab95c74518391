/**
 * Model signing time against `sha256sum` over the same files: makes a few
 * large random files in a temporary folder, times both (median of 3) and
 * prints the ratio. The files are removed at the end.
 *
 *   node --import tsx bench/sign.ts [--files N] [--mib M]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const fileCount = flag('--files', 4);
const mib = flag('--mib', 256);
const cli = join(import.meta.dirname, '..', 'bin', 'tokenwarden.js');

const dir = mkdtempSync(join(tmpdir(), 'tw-bench-sign-'));
const model = join(dir, 'model');
const files = Array.from({ length: fileCount }, (_, i) => join(model, `shard-${i}.bin`));

/** Runs `work` and returns its wall time in seconds. */
function time(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

try {
  execFileSync('mkdir', ['-p', model]);
  const block = randomBytes(1024 * 1024);
  for (const file of files) {
    const fd = openSync(file, 'w');
    for (let i = 0; i < mib; i++) {
      block.writeUInt32LE(i, 0);
      writeSync(fd, block);
    }
    closeSync(fd);
  }
  execFileSync('node', [cli, 'model', 'keygen', '--private-key', join(dir, 'key.pem'),
    '--public-key', join(dir, 'key.pub')]);

  // One untimed pass each so both start from a warm page cache.
  execFileSync('sha256sum', files);
  const sign = () => execFileSync('node', [cli, 'model', 'sign', model, '--private-key',
    join(dir, 'key.pem'), '--signature', join(dir, 'model.sig')]);
  sign();

  const shaTimes: number[] = [];
  const signTimes: number[] = [];
  for (let round = 0; round < 3; round++) {
    shaTimes.push(time(() => execFileSync('sha256sum', files)));
    signTimes.push(time(sign));
  }

  const sha = median(shaTimes);
  const signed = median(signTimes);
  console.log(`model: ${fileCount} files x ${mib} MiB`);
  console.log(`sha256sum:            ${sha.toFixed(2)} s (median of 3)`);
  console.log(`tokenwarden model sign: ${signed.toFixed(2)} s (median of 3)`);
  console.log(`ratio sign/sha256sum: ${(signed / sha).toFixed(2)} (target <= 1.25)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
