// `usage` on a year of data: fills a fresh SQLite store with ROWS request
// records spread over 2025, then times a month's report by department from
// the daily rollup against the same report summed from the rows themselves.
//
//   npm run bench:usage            (ROWS=10000000 by default)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRecord } from '../src/metering/request-record.js';
import { SqliteStorage } from '../src/storage/sqlite/sqlite-storage.js';
import { median } from './support/load.js';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const BATCH = 50_000;
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;

function record(index: number): RequestRecord {
  // A deterministic spread: 400 users in 12 departments, each using three of
  // eight models; one user in ten runs an agent (30 agents in all).
  const user = (index * 7919) % 400;
  const model = (user + [0, 1, 3][index % 3]!) % 8;
  const input = 200 + (index % 1_800);
  const output = 50 + (index % 700);
  return {
    id: `req_${index.toString(16).padStart(12, '0')}`,
    time: new Date(YEAR_START + Math.floor((index / ROWS) * YEAR_MS)),
    keyId: `key_${user}`, user: `user${user}`, department: `dept${user % 12}`,
    agent: user % 10 === 0 ? `agent${user % 30}` : null, provider: 'openai',
    model: `model-${model}`, endpoint: '/v1/chat/completions', streamed: index % 2 === 0,
    status: 200, outcome: 'ok', errorCode: null,
    usage: { inputTokens: input, cachedTokens: input >> 2, cacheWriteTokens: 0,
      outputTokens: output, reasoningTokens: 0, source: 'provider' },
    latencyMs: 800, ttftMs: 200, costUsd: (input * 2.5 + output * 10) / 1e6, price: null,
    footprint: { energyWh: { mid: 0.3, low: 0.2, high: 0.4 }, co2eG: { mid: 0.1, low: 0.05,
      high: 0.15 }, waterMl: { mid: 1, low: 0.8, high: 1.2 }, region: 'USA' },
    findings: [],
  };
}

function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  return work().then((value) => [performance.now() - start, value]);
}

const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-usage-bench-'));
const storage = new SqliteStorage(dir);
try {
  const loadStart = performance.now();
  for (let start = 0; start < ROWS; start += BATCH) {
    const rows = [];
    const end = Math.min(ROWS, start + BATCH);
    for (let index = start; index < end; index++) rows.push(record(index));
    storage.requests.insertMany(rows);
    if (process.stderr.isTTY) process.stderr.write(`\rloaded ${start + rows.length} rows`);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\n');

  const month = { by: 'department' as const, since: new Date('2025-06-01T00:00:00Z'),
    until: new Date('2025-07-01T00:00:00Z') };
  const ragged = { by: 'user' as const, since: new Date('2025-06-01T09:30:00Z'),
    until: new Date('2025-07-01T17:45:00Z') };
  const rollupMs: number[] = [];
  const raggedMs: number[] = [];
  const rawMs: number[] = [];
  let rows: unknown[] = [];
  for (let round = 0; round < 5; round++) {
    const [ms, result] = await time(() => storage.requests.summarize(month));
    rollupMs.push(ms);
    rows = result;
    raggedMs.push((await time(() => storage.requests.summarize(ragged)))[0]);
  }
  const raw = storage.db.prepare(`SELECT department, count(*), sum(input_tokens),
    sum(output_tokens), sum(cost_usd) FROM requests WHERE time >= ? AND time < ?
    GROUP BY department`);
  for (let round = 0; round < 3; round++) {
    rawMs.push((await time(async () => raw.all(month.since.getTime(), month.until.getTime())))[0]);
  }

  const result = {
    rows: ROWS,
    load_rows_per_s: Math.round(ROWS / loadSeconds),
    database_mb: Math.round(statSync(join(dir, 'tokenwarden.db')).size / 1e6),
    month_by_department_ms: Number(median(rollupMs).toFixed(2)),
    ragged_month_by_user_ms: Number(median(raggedMs).toFixed(2)),
    baseline_scan_month_ms: Number(median(rawMs).toFixed(2)),
    speedup_vs_scan: Number((median(rawMs) / median(rollupMs)).toFixed(1)),
    groups: rows.length,
  };
  console.log(`month by department: ${result.month_by_department_ms} ms from the rollup, `
    + `${result.baseline_scan_month_ms} ms scanning rows (${result.speedup_vs_scan}x)`);
  console.log(JSON.stringify(result));
} finally {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
