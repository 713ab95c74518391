import type { Database, Statement } from 'better-sqlite3';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import type { RequestRecord } from '../../metering/request-record.js';
import {
  addUsageRow, type UsageGrouping, type UsageQuery, type UsageRow,
} from '../../metering/usage-summary.js';
import type { SqliteWriter } from './sqlite-writer.js';
import { WriteStatements } from './write-ops.js';
import type { RequestStore } from '../storage.js';
import { fromRequestRow, toRequestRow, type RequestRow } from './request-row.js';

const DAY_MS = 86_400_000;

/** Grouping columns, fixed here because column names cannot be SQL parameters. */
const GROUP_COLUMN: Record<UsageGrouping, string> = {
  user: 'user', department: 'department', agent: 'agent', model: 'model',
};

const SUMS = `count(*) AS requests,
  sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
  sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) AS output_tokens,
  sum(reasoning_tokens) AS reasoning_tokens, sum(cost_usd) AS cost_usd,
  sum(coalesce(energy_wh, 0)) AS energy_wh, sum(coalesce(co2e_g, 0)) AS co2e_g,
  sum(coalesce(water_ml, 0)) AS water_ml,
  sum(usage_source = 'estimated') AS estimated_requests`;

const ROLLUP_SUMS = `sum(requests) AS requests,
  sum(input_tokens) AS input_tokens, sum(cached_tokens) AS cached_tokens,
  sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) AS output_tokens,
  sum(reasoning_tokens) AS reasoning_tokens, sum(cost_usd) AS cost_usd,
  sum(energy_wh) AS energy_wh, sum(co2e_g) AS co2e_g, sum(water_ml) AS water_ml,
  sum(estimated_requests) AS estimated_requests`;

/**
 * Request records in SQLite, written by group commit (see `WriteStatements`
 * for how each row and the daily rollup change together).
 */
export class SqliteRequestStore implements RequestStore {
  readonly #db: Database;
  readonly #byId: Statement<[string], RequestRow>;
  readonly #writer: SqliteWriter;
  readonly #bulk: WriteStatements;

  constructor(db: Database, writer: SqliteWriter) {
    this.#db = db;
    this.#byId = db.prepare('SELECT * FROM requests WHERE id = ?');
    this.#writer = writer;
    this.#bulk = new WriteStatements(db);
  }

  record(row: RequestRecord): Promise<void> {
    return this.#writer.write({ table: 'requests', row: toRequestRow(row) });
  }

  /** Writes rows at once in one transaction, bypassing the batching (bulk loads). */
  insertMany(rows: RequestRecord[]): void {
    this.#writeWithCode(rows);
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  async get(id: string): Promise<RequestRecord | undefined> {
    const row = this.#byId.get(id);
    return row && fromRequestRow(row);
  }

  async summarize(query: UsageQuery): Promise<UsageRow[]> {
    const start = query.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const end = query.until?.getTime() ?? Number.MAX_SAFE_INTEGER;
    const firstDay = Math.ceil(start / DAY_MS);
    const endDay = Math.floor(end / DAY_MS);
    const totals = new Map<string, UsageRow>();

    // Whole days come from the rollup; the ragged edges from the rows.
    if (firstDay < endDay) {
      this.#sumRollup(query.by, firstDay, endDay, totals);
      this.#sumRows(query.by, start, firstDay * DAY_MS, totals);
      this.#sumRows(query.by, endDay * DAY_MS, end, totals);
    } else {
      this.#sumRows(query.by, start, end, totals);
    }
    return [...totals.values()].sort((a, b) => b.cost_usd - a.cost_usd
      || b.requests - a.requests || a.group.localeCompare(b.group));
  }

  #sumRollup(by: UsageGrouping, firstDay: number, endDay: number,
    totals: Map<string, UsageRow>): void {
    const column = GROUP_COLUMN[by];
    const rows = this.#db.prepare(`SELECT ${column} AS grp, ${ROLLUP_SUMS} FROM usage_daily
      WHERE day >= ? AND day < ? GROUP BY grp`).all(firstDay, endDay);
    merge(rows as SumRow[], totals);
  }

  #sumRows(by: UsageGrouping, start: number, end: number, totals: Map<string, UsageRow>): void {
    if (start >= end) return;
    const column = by === 'agent' ? `coalesce(agent, '')` : GROUP_COLUMN[by];
    const rows = this.#db.prepare(`SELECT ${column} AS grp, ${SUMS} FROM requests
      WHERE time >= ? AND time < ? GROUP BY grp`).all(start, end);
    merge(rows as SumRow[], totals);
  }

  #writeWithCode(rows: RequestRecord[]): void {
    try {
      this.#bulk.apply(rows.map((row) => ({ table: 'requests', row: toRequestRow(row) })));
    } catch (error) {
      throw new TokenwardenError('storage_unavailable',
        `Cannot write request records: ${(error as Error).message}`, { cause: error });
    }
  }
}

type SumRow = Omit<UsageRow, 'group'> & { grp: string | null };

function merge(rows: SumRow[], totals: Map<string, UsageRow>): void {
  for (const { grp, ...sums } of rows) {
    const group = grp || '(none)';
    let total = totals.get(group);
    if (!total) {
      total = {
        group, requests: 0, input_tokens: 0, cached_tokens: 0, cache_write_tokens: 0,
        output_tokens: 0, reasoning_tokens: 0, cost_usd: 0, energy_wh: 0, co2e_g: 0,
        water_ml: 0, estimated_requests: 0,
      };
      totals.set(group, total);
    }
    addUsageRow(total, sums);
  }
}
