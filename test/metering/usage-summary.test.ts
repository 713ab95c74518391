import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/metering/request-record.js';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

let dir: string;
let storage: SqliteStorage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-usage-'));
  storage = new SqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

function record(id: string, time: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id, time: new Date(time), keyId: 'key_1', user: 'alice', department: 'eng', agent: null,
    provider: 'openai', model: 'gpt-4o', endpoint: '/v1/chat/completions', streamed: false,
    status: 200, outcome: 'ok', errorCode: null,
    usage: { inputTokens: 100, cachedTokens: 10, cacheWriteTokens: 0, outputTokens: 50,
      reasoningTokens: 5, source: 'provider' },
    latencyMs: 12, ttftMs: null, costUsd: 0.01, price: null,
    footprint: { energyWh: { mid: 1, low: 0.5, high: 1.5 }, co2eG: { mid: 0.4, low: 0.2,
      high: 0.6 }, waterMl: { mid: 3, low: 2, high: 4 }, region: 'USA' },
    findings: [],
    ...overrides,
  };
}

describe('usage summaries', () => {
  it('adds whole days from the rollup and ragged edges from the rows', async () => {
    storage.requests.insertMany([
      record('a', '2026-11-01T23:00:00Z'),
      record('b', '2026-11-02T10:00:00Z'),
      record('c', '2026-11-03T10:00:00Z', { department: 'sales', user: 'bob' }),
      record('d', '2026-11-04T01:00:00Z'),
      record('e', '2026-11-04T05:00:00Z', { usage: { inputTokens: 1, cachedTokens: 0,
        cacheWriteTokens: 0, outputTokens: 1, reasoningTokens: 0, source: 'estimated' } }),
    ]);
    const rows = await storage.requests.summarize({
      by: 'department', since: new Date('2026-11-01T22:00:00Z'),
      until: new Date('2026-11-04T03:00:00Z'),
    });
    expect(rows).toEqual([
      expect.objectContaining({ group: 'eng', requests: 3, input_tokens: 300, cached_tokens: 30,
        output_tokens: 150, reasoning_tokens: 15, estimated_requests: 0 }),
      expect.objectContaining({ group: 'sales', requests: 1 }),
    ]);
    expect(rows[0]?.cost_usd).toBeCloseTo(0.03, 10);
    expect(rows[0]?.energy_wh).toBeCloseTo(3, 10);
    expect(rows[0]?.co2e_g).toBeCloseTo(1.2, 10);
    expect(rows[0]?.water_ml).toBeCloseTo(9, 10);
  });

  it('matches a plain sum over the rows for any range', async () => {
    const records: RequestRecord[] = [];
    for (let index = 0; index < 400; index++) {
      const time = new Date(Date.UTC(2026, 0, 1) + index * 5.3 * 3_600_000).toISOString();
      records.push(record(`r${index}`, time, { user: `u${index % 7}`,
        agent: index % 3 === 0 ? null : `agent${index % 2}`, model: `m${index % 4}` }));
    }
    storage.requests.insertMany(records);
    const since = new Date('2026-01-10T07:30:00Z');
    const until = new Date('2026-02-20T13:15:00Z');
    for (const by of ['user', 'agent', 'model'] as const) {
      const rows = await storage.requests.summarize({ by, since, until });
      const expected = new Map<string, number>();
      for (const entry of records) {
        if (entry.time < since || entry.time >= until) continue;
        const group = by === 'user' ? entry.user : by === 'model' ? entry.model
          : entry.agent ?? '(none)';
        expected.set(group, (expected.get(group) ?? 0) + 1);
      }
      expect(Object.fromEntries(rows.map((row) => [row.group, row.requests])))
        .toEqual(Object.fromEntries(expected));
    }
  });

  it('answers with no rows for an empty range', async () => {
    expect(await storage.requests.summarize({ by: 'user' })).toEqual([]);
  });
});
