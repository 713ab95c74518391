import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promisify } from 'node:util';
import { parseConfig } from '../../src/config/load.js';
import { issueKey } from '../../src/identity/issue-key.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { startStubUpstream, type StubUpstream } from '../support/stub-upstream.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tokenwarden.js');

let stub: StubUpstream;
let dir: string;
beforeAll(async () => {
  stub = await startStubUpstream({ quiet: true });
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-kill-'));
});
afterAll(async () => {
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `tokenwarden serve` as its own process and waits for its address. */
async function serve(configFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'tokenwarden listening' && entry.url) return { child, url: entry.url };
  }
  throw new Error('serve exited before listening');
}

describe('kill -9 during load', () => {
  it('loses no record of a request whose answer the client received whole', async () => {
    const configFile = join(dir, 'tokenwarden.yaml');
    writeFileSync(configFile, [
      'listen: 127.0.0.1:0',
      `data_dir: ${join(dir, 'data')}`,
      'providers:',
      '  - name: stub',
      '    kind: openai',
      `    base_url: ${stub.url}/v1`,
      '    models: ["gpt-*"]',
    ].join('\n'));
    const setup = new SqliteStorage(join(dir, 'data'));
    const { key } = await issueKey(setup.keys, { user: 'load', department: 'qa' });
    await setup.close();

    const { child, url } = await serve(configFile);
    const completed: string[] = [];
    let stop = false;
    const worker = async (index: number) => {
      while (!stop) {
        const streamed = index % 2 === 0;
        try {
          const response = await fetch(`${url}/v1/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4o', stream: streamed,
              messages: [{ role: 'user', content: 'hi' }] }),
          });
          const text = await response.text();
          const whole = streamed ? text.includes('data: [DONE]') : text.endsWith('}');
          if (response.status === 200 && whole) {
            completed.push(response.headers.get('x-request-id') as string);
          }
        } catch {
          return; // the gateway is gone
        }
      }
    };
    const workers = Array.from({ length: 16 }, (_, index) => worker(index));
    // Kill it mid-load, once enough requests have completed to mean something.
    const deadline = Date.now() + 20_000;
    while (completed.length < 100 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    expect(completed.length).toBeGreaterThan(50);

    const storage = new SqliteStorage(join(dir, 'data'));
    try {
      expect(storage.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const missing = [];
      for (const id of completed) if (!(await storage.requests.get(id))) missing.push(id);
      expect(missing).toEqual([]);

      // The rollup was written in the same transactions: it agrees with the rows.
      const rows = storage.db.prepare('SELECT count(*) AS n FROM requests').get() as { n: number };
      const rolled = storage.db.prepare('SELECT sum(requests) AS n FROM usage_daily')
        .get() as { n: number };
      expect(rolled.n).toBe(rows.n);
    } finally {
      await storage.close();
    }

    // The ledger kept an entry for each of them too, and still verifies.
    const ledger = await Ledger.open({ dataDir: join(dir, 'data'),
      config: parseConfig({ data_dir: join(dir, 'data') }).config.ledger, background: false });
    try {
      const absent = [];
      for (const id of completed) {
        if (!await ledger.context.store.requestEntry(id)) absent.push(id);
      }
      expect(absent).toEqual([]);
    } finally {
      await ledger.close();
    }
    const verified = await run(process.execPath,
      [BIN, '--config', configFile, 'audit', 'verify', '--format', 'json']);
    expect((JSON.parse(verified.stdout) as { ok: boolean }).ok).toBe(true);
  }, 60_000);
});
