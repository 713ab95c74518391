import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { parseConfig } from '../../src/config/load.js';
import { issueKey } from '../../src/identity/issue-key.js';
import { createLogger } from '../../src/observability/logger.js';
import { startGateway, type RunningGateway } from '../../src/gateway/start-gateway.js';
import type { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { startStubUpstream, type StubOptions, type StubUpstream } from './stub-upstream.js';

export interface Harness {
  gateway: RunningGateway;
  stub: StubUpstream;
  storage: SqliteStorage;
  dataDir: string;
  key: string;
  keyId: string;
  openai: OpenAI;
  anthropic: Anthropic;
  /** Every log line the gateway wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * Starts a stub provider and a gateway in front of it on a fresh data
 * folder, with a key for alice (engineering) and both official SDKs.
 */
export async function startHarness(options: {
  config?: Record<string, unknown>;
  stub?: StubOptions;
  providerOverrides?: Record<string, unknown>;
  /** More OpenAI-style providers served by the same stub. */
  extraProviders?: Record<string, unknown>[];
} = {}): Promise<Harness> {
  const stub = await startStubUpstream(options.stub);
  const dataDir = mkdtempSync(join(tmpdir(), 'tokenwarden-test-'));
  const loaded = parseConfig({
    listen: '127.0.0.1:0',
    data_dir: dataDir,
    log_level: 'info',
    providers: [
      {
        name: 'openai-stub', kind: 'openai', base_url: `${stub.url}/v1`,
        api_key_env: 'STUB_OPENAI_KEY', models: ['gpt-*', 'text-embedding-*'],
        region: 'USA', ...options.providerOverrides,
      },
      {
        name: 'anthropic-stub', kind: 'anthropic', base_url: stub.url,
        api_key_env: 'STUB_ANTHROPIC_KEY', models: ['claude-*'], ...options.providerOverrides,
      },
      ...(options.extraProviders ?? []).map((provider) => ({
        base_url: `${stub.url}/v1`, ...provider })),
    ],
    prices: [
      { model: 'gpt-4o*', input_mtok: 2.5, output_mtok: 10, cache_read_mtok: 1.25 },
      { model: 'claude-*', input_mtok: 3, output_mtok: 15, cache_read_mtok: 0.3,
        cache_write_mtok: 3.75 },
    ],
    ...options.config,
  });

  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const gateway = await startGateway({ ...loaded, path: undefined }, {
    logger: createLogger({ level: 'info', destination }),
    env: {
      STUB_OPENAI_KEY: 'sk-provider-secret-openai',
      STUB_ANTHROPIC_KEY: 'sk-ant-provider-secret',
      TOKENWARDEN_ADMIN_TOKEN: ADMIN_TOKEN,
    },
  });
  const storage = gateway.context.storage as SqliteStorage;
  const { key, record } = await issueKey(storage.keys, { user: 'alice', department: 'engineering' });

  return {
    gateway, stub, storage, dataDir, key, keyId: record.id, logs,
    openai: new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: key, baseURL: gateway.url, maxRetries: 0 }),
    async close() {
      await gateway.close();
      await stub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The stored record of a request. Waits up to five seconds for it: a
 * cancelled request is recorded after the client has gone.
 */
export async function recordOf(harness: Harness, requestId: string | null | undefined) {
  if (!requestId) throw new Error('response had no x-request-id');
  for (let attempt = 0; attempt < 100; attempt++) {
    await harness.storage.requests.flush();
    const record = await harness.storage.requests.get(requestId);
    if (record) return record;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no record for ${requestId}`);
}

/** The newest stored record. */
export async function lastRecord(harness: Harness) {
  await harness.storage.requests.flush();
  const row = harness.storage.db.prepare('SELECT id FROM requests ORDER BY time DESC')
    .get() as { id: string } | undefined;
  return recordOf(harness, row?.id);
}
