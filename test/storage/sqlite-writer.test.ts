import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/metering/request-record.js';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import type { RetryEvent } from '../../src/storage/sqlite/sqlite-writer.js';

function record(id: string): RequestRecord {
  return {
    id, time: new Date('2026-11-02T10:00:00Z'), keyId: 'key_1', user: 'alice',
    department: 'eng', agent: null, provider: 'openai', model: 'gpt-4o',
    endpoint: '/v1/chat/completions', streamed: false, status: 200, outcome: 'ok',
    errorCode: null,
    usage: { inputTokens: 100, cachedTokens: 10, cacheWriteTokens: 0, outputTokens: 50,
      reasoningTokens: 5, source: 'provider' },
    latencyMs: 12, ttftMs: null, costUsd: 0.01, price: null, footprint: null, findings: [],
  };
}

// The gateway checkpoints from a thread of its own, commands leave it to
// SQLite: writes must behave the same to their callers either way.
describe.each([
  { name: 'checkpoint thread', checkpointThread: true },
  { name: 'checkpoints by SQLite', checkpointThread: false },
])('$name', ({ checkpointThread }) => {
  let dir: string;
  let storage: SqliteStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenwarden-writer-'));
    storage = new SqliteStorage(dir, { checkpointThread });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a write readable once its promise resolves, rollup included', async () => {
    await Promise.all([storage.requests.record(record('a')), storage.requests.record(record('b'))]);
    expect((await storage.requests.get('a'))?.usage.inputTokens).toBe(100);
    const [row] = await storage.requests.summarize({ by: 'user' });
    expect(row).toMatchObject({ group: 'alice', requests: 2, input_tokens: 200 });
  });

  it('sums one batch\'s increments to the same rollup or budget counter', async () => {
    const bob = (id: string) => ({ ...record(id), user: 'bob', department: 'ops' });
    const period = new Date('2026-11-01T00:00:00Z');
    const spend = (scopeKey: string, tokens: number) => storage.budgets.addSpend(
      { budgetId: 'b1', scopeKey, periodStart: period, tokens, usd: tokens / 1000 });
    // Same turn of the event loop: one transaction.
    await Promise.all([
      storage.requests.record(record('a1')), storage.requests.record(bob('b1')),
      storage.requests.record(record('a2')), storage.requests.record(bob('b2')),
      storage.requests.record(record('a3')),
      spend('user:alice', 100), spend('user:bob', 7), spend('user:alice', 50),
    ]);
    const byUser = await storage.requests.summarize({ by: 'user' });
    expect(byUser.map((row) => [row.group, row.requests, row.input_tokens]))
      .toEqual(expect.arrayContaining([['alice', 3, 300], ['bob', 2, 200]]));
    const alice = await storage.budgets.spend('b1', 'user:alice', period);
    expect(alice.tokens).toBe(150);
    expect(alice.usd).toBeCloseTo(0.15, 12);
    expect(await storage.budgets.spend('b1', 'user:bob', period)).toMatchObject({ tokens: 7 });
  });

  it('fails a whole batch with storage_unavailable and keeps writing afterwards', async () => {
    await storage.requests.record(record('dup'));
    // Same turn of the event loop, so one transaction: the duplicate sinks both.
    const results = await Promise.allSettled([
      storage.requests.record(record('fresh')), storage.requests.record(record('dup')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason)
      .toMatchObject({ code: 'storage_unavailable' });
    expect(await storage.requests.get('fresh')).toBeUndefined();

    await storage.requests.record(record('later'));
    expect(await storage.requests.get('later')).toBeDefined();
  });

  it('commits every queued write before close returns', async () => {
    const writes = Array.from({ length: 50 }, (_, i) => storage.requests.record(record(`r${i}`)));
    await storage.close();
    await Promise.all(writes);
    const reopened = new SqliteStorage(dir);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM requests').get()).toEqual({ n: 50 });
    await reopened.close();
  });
});

// A file that cannot grow (SQLite's max_page_count gives the same SQLITE_FULL
// as a full disk): the gateway's writer keeps the writes and retries them.
describe('writes kept while the file cannot take them', () => {
  let dir: string;
  let storage: SqliteStorage;
  const events: RetryEvent[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenwarden-retry-'));
    events.length = 0;
    storage = new SqliteStorage(dir, {
      retry: { everyMs: 20, maxOps: 3, report: (event) => events.push(event) } });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const full = () => {
    const pages = storage.db.pragma('page_count', { simple: true }) as number;
    storage.db.pragma(`max_page_count = ${pages}`);
  };
  const roomy = () => storage.db.pragma('max_page_count = 1073741823');
  const big = (id: string) => ({ ...record(id), user: `user-${id}-${'x'.repeat(3_000)}` });

  it('fails the callers, then writes the rows once the file can grow', async () => {
    full();
    await expect(storage.requests.record(big('a'))).rejects
      .toMatchObject({ code: 'storage_unavailable' });
    expect(events[0]).toMatchObject({ kind: 'waiting', ops: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await storage.requests.get('a')).toBeUndefined();

    roomy();
    await expect.poll(() => storage.requests.get('a')).toBeDefined();
    expect(events).toContainEqual({ kind: 'written', ops: 1 });
    const [row] = await storage.requests.summarize({ by: 'user' });
    expect(row).toMatchObject({ requests: 1, input_tokens: 100 });
  });

  it('keeps at most maxOps, reporting the oldest as dropped, and the rest at close', async () => {
    full();
    for (const id of ['a', 'b', 'c', 'd']) {
      await storage.requests.record(big(id)).catch(() => undefined);
    }
    const dropped = events.filter((event) => event.kind === 'dropped');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ ops: [{ table: 'requests', row: { id: 'a' } }] });

    await storage.close();
    const last = events.at(-1);
    expect(last).toMatchObject({ kind: 'dropped' });
    expect(last?.kind === 'dropped' && last.ops.map((op) => (op.row as { id: string }).id))
      .toEqual(['b', 'c', 'd']);
  });

  it('does not keep a write refused for what it is', async () => {
    await storage.requests.record(record('dup'));
    await expect(storage.requests.record(record('dup'))).rejects
      .toMatchObject({ code: 'storage_unavailable' });
    expect(events).toEqual([]);
  });
});
