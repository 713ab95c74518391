import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/metering/request-record.js';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/tokenwarden.js');
let dir: string;
let config: string;

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, '--config', config, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-cli-'));
  config = join(dir, 'tokenwarden.yaml');
  writeFileSync(config, `data_dir: ${join(dir, 'data')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tokenwarden keys', () => {
  it('creates a key shown once, lists it without the key, and revokes it', async () => {
    const created = await cli('keys', 'create', '--user', 'alice', '--department', 'eng',
      '--agent', 'triage-bot', '--expires', '90d', '--format', 'json');
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as Record<string, string>;
    expect(key).toMatchObject({ user: 'alice', department: 'eng', agent: 'triage-bot',
      state: 'active' });
    expect(key.key).toMatch(/^tw-/);
    expect(Date.parse(key.expires_at as string) - Date.now()).toBeGreaterThan(89 * 86_400_000);

    const listed = await cli('keys', 'list', '--format', 'json');
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(key.key);
    const table = await cli('keys', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+prefix\s+user/);

    const revoked = await cli('keys', 'revoke', key.id as string);
    expect(revoked.stdout).toContain(`Revoked ${key.id}`);
    const missing = await cli('keys', 'revoke', 'key_missing');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('tokenwarden: No key has id key_missing [key_not_found]');
  });

  it('prints only the key on standard output in text mode', async () => {
    const created = await cli('keys', 'create', '--user', 'bob', '--department', 'ops');
    expect(created.stdout.trim()).toMatch(/^tw-[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toContain('not shown again');
  });

  it('rejects bad arguments with one line and exit 2', async () => {
    const noUser = await cli('keys', 'create', '--department', 'ops');
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toContain("required option '--user <name>' not specified");
    const badExpiry = await cli('keys', 'create', '--user', 'a', '--department', 'b',
      '--expires', 'tomorrow');
    expect(badExpiry.stderr).toContain("'--expires' must be a duration");
  });
});

describe('tokenwarden usage', () => {
  it('prints usage as JSON, CSV and a table', async () => {
    const storage = new SqliteStorage(join(dir, 'data'));
    const base: RequestRecord = {
      id: 'r1', time: new Date('2026-11-15T12:00:00Z'), keyId: 'k', user: 'alice',
      department: 'eng', agent: null, provider: 'openai', model: 'gpt-4o',
      endpoint: '/v1/chat/completions', streamed: true, status: 200, outcome: 'ok',
      errorCode: null, usage: { inputTokens: 120, cachedTokens: 20, cacheWriteTokens: 0,
        outputTokens: 30, reasoningTokens: 0, source: 'provider' },
      latencyMs: 100, ttftMs: 20, costUsd: 0.0006, price: null, footprint: null, findings: [],
    };
    storage.requests.insertMany([base, { ...base, id: 'r2', user: 'bob', department: 'sales',
      usage: { ...base.usage, source: 'estimated' } }]);
    await storage.close();

    const json = await cli('usage', '--by', 'department', '--since', '2026-11-01',
      '--until', '2026-12-01', '--format', 'json');
    const parsed = JSON.parse(json.stdout) as { by: string; rows: Record<string, unknown>[] };
    expect(parsed.by).toBe('department');
    expect(parsed.rows).toContainEqual(expect.objectContaining({
      group: 'sales', requests: 1, input_tokens: 120, cached_tokens: 20, output_tokens: 30,
      estimated_requests: 1,
    }));

    const csv = await cli('usage', '--by', 'user', '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('group,requests,input_tokens,cached_tokens,'
      + 'cache_write_tokens,output_tokens,reasoning_tokens,cost_usd,energy_wh,co2e_g,water_ml,'
      + 'estimated_requests');
    const table = await cli('usage', '--by', 'model');
    expect(table.stdout).toMatch(/gpt-4o\s+2\s+240/);

    const bad = await cli('usage', '--by', 'planet');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'by' must be one of user, department, agent, model");
    const badDate = await cli('usage', '--since', 'yesterday-ish');
    expect(badDate.stderr).toContain("'since' must be a date");
  });
});

describe('configuration errors', () => {
  it('stop serve with the field and the value', async () => {
    const badConfig = join(dir, 'bad.yaml');
    writeFileSync(badConfig, 'listen: 127.0.0.1:99999\n');
    const { code, stderr } = await run(process.execPath, [BIN, '--config', badConfig, 'serve'])
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(code).toBe(2);
    expect(stderr).toContain("'listen' port must be between 0 and 65535: got \"127.0.0.1:99999\"");
  });
});

describe('budgets and bans on the command line', () => {
  it('gives a key a daily token budget and shows it with usage --budgets', async () => {
    const created = JSON.parse((await cli('keys', 'create', '--user', 'erin', '--department',
      'support', '--daily-tokens', '250000', '--format', 'json')).stdout) as { id: string;
      daily_tokens: number };
    expect(created.daily_tokens).toBe(250_000);
    const shown = JSON.parse((await cli('usage', '--budgets', '--format', 'json')).stdout) as {
      budgets: Record<string, unknown>[] };
    expect(shown.budgets).toContainEqual(expect.objectContaining({
      subject: `key:${created.id}`, period: 'day', mode: 'hard', tokens_limit: 250_000,
      spent_tokens: 0, remaining_tokens: 250_000 }));
    const bad = await cli('keys', 'create', '--user', 'a', '--department', 'b',
      '--daily-tokens', 'lots');
    expect(bad.stderr).toContain("'--daily-tokens' must be a positive whole number");
  });

  it('lists and lifts bans', async () => {
    const storage = new SqliteStorage(join(dir, 'data'));
    const now = Date.now();
    await storage.bans.put({ address: '198.51.100.7', bannedAt: new Date(now),
      until: new Date(now + 3_600_000), offences: 1, reason: '5 authentication failures' });
    await storage.close();

    const listed = JSON.parse((await cli('bans', 'list', '--format', 'json')).stdout) as {
      bans: Record<string, unknown>[] };
    expect(listed.bans).toEqual([expect.objectContaining({ address: '198.51.100.7',
      active: true, offences: 1 })]);
    expect((await cli('bans', 'lift', '198.51.100.7')).stdout).toContain('Lifted');
    expect((await cli('bans', 'list', '--format', 'json')).stdout).toBe('{"bans":[]}\n');
    const again = await cli('bans', 'lift', '198.51.100.7');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('[ban_not_found]');
  });
});
