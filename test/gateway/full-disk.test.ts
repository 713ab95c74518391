import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordOf, startHarness, type Harness } from '../support/gateway-harness.js';

// A real full disk: the data folder on a small tmpfs, filled to the last
// byte. Mounting needs root and the right to mount (CI has both); where it
// cannot mount, the test is skipped.
const mountPoint = mkdtempSync(join(tmpdir(), 'tokenwarden-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint],
    { stdio: 'ignore' });
  mounted = true;
} catch {
  mounted = false;
}
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Writes a file until the file system refuses (ENOSPC). */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!mounted)('a full disk', () => {
  it('gets 503 storage_unavailable, an error event in streams, and readyz down; '
    + 'the gateway carries on once there is space and records what it refused', async () => {
    const harness: Harness = await startHarness({
      config: { data_dir: join(mountPoint, 'data') } });
    const filler = join(mountPoint, 'filler');
    try {
      const messages = [{ role: 'user' as const, content: 'hello' }];
      await harness.openai.chat.completions.create({ model: 'gpt-4o', messages });
      fillDisk(filler);

      // Longer prompts than before, so each commit needs pages the disk no longer has.
      const long = [{ role: 'user' as const, content: `summarise ${'numbers 123 '.repeat(400)}` }];
      const refused = await harness.openai.chat.completions.create({ model: 'gpt-4o',
        messages: long }).then(() => {
        throw new Error('answered with a full disk');
      }, (error: unknown) => error as { status: number; code: string; requestID: string });
      expect(refused).toMatchObject({ status: 503, code: 'storage_unavailable' });

      const { data: stream, response: streamed } = await harness.openai.chat.completions
        .create({ model: 'gpt-4o', messages: long, stream: true }).withResponse();
      const read = async () => {
        for await (const chunk of stream) void chunk;
      };
      await expect(read()).rejects.toMatchObject({ code: 'storage_unavailable' });

      const unwritten = async (store: string) => {
        const text = await (await fetch(`${harness.gateway.url}/metrics`)).text();
        const line = text.split('\n')
          .find((l) => l.startsWith(`tokenwarden_unwritten_records{store="${store}"}`));
        return Number(line?.split(' ')[1]);
      };
      expect(await unwritten('database')).toBeGreaterThan(0);
      expect(await unwritten('ledger')).toBeGreaterThan(0);

      expect((await fetch(`${harness.gateway.url}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${harness.gateway.url}/readyz`);
      expect(notReady.status).toBe(503);

      rmSync(filler);
      expect((await fetch(`${harness.gateway.url}/readyz`)).status).toBe(200);

      // Kept while the disk was full, written once there is space: nothing
      // the provider answered (and billed) goes unrecorded.
      const ledger = harness.gateway.context.ledger;
      for (const id of [refused.requestID, streamed.headers.get('x-request-id') as string]) {
        const record = await recordOf(harness, id);
        expect(record.usage.outputTokens).toBeGreaterThan(0);
        await expect.poll(() => ledger.context.store.requestEntry(id), { timeout: 5_000 })
          .toBeDefined();
      }
      expect(harness.logs.some((line) => line.msg === 'kept writes are now in the database'))
        .toBe(true);
      expect(await unwritten('database')).toBe(0);
      expect(await unwritten('ledger')).toBe(0);
      const { response } = await harness.openai.chat.completions.create({ model: 'gpt-4o',
        messages: long }).withResponse();
      const record = await recordOf(harness, response.headers.get('x-request-id'));
      expect(record.outcome).toBe('ok');
    } finally {
      rmSync(filler, { force: true });
      await harness.close();
    }
  }, 30_000);
});
