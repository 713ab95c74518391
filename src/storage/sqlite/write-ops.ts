import type { Database, Statement } from 'better-sqlite3';
import { USAGE_SUM_FIELDS, type UsageRow } from '../../metering/usage-summary.js';
import type { RequestRow } from './request-row.js';

const DAY_MS = 86_400_000;
const NO_AGENT = '';

/** A `budget_spend` increment. */
export interface SpendRow {
  budget_id: string;
  scope_key: string;
  period_start: number;
  tokens: number;
  usd: number;
}

/** A `rejections` row. */
export interface RejectionRow {
  request_id: string;
  time: number;
  address: string;
  key_id: string | null;
  user: string | null;
  department: string | null;
  agent: string | null;
  code: string;
  rule: string | null;
}

/**
 * One write of the gateway's hot path, as plain data: it may cross to the
 * writer thread, where a function could not go.
 */
export type WriteOp =
  | { table: 'requests'; row: RequestRow }
  | { table: 'heartbeat'; row: { at: number } }
  | { table: 'budget_spend'; row: SpendRow }
  | { table: 'rejections'; row: RejectionRow };

/**
 * The prepared statements behind every `WriteOp`, and the one transaction
 * that applies a batch of them. A request row and its daily rollup always
 * change together, so the rollup never disagrees with the rows. Rollups and
 * budget spending are counters: the batch's increments to the same counter
 * are summed first and added with one statement (under load a batch holds
 * many requests of the same people, and each upsert costs about as much as
 * a row insert).
 */
export class WriteStatements {
  readonly #insertRequest: Statement;
  readonly #rollup: Statement;
  readonly #addSpend: Statement;
  readonly #insertRejection: Statement;
  readonly #beat: Statement;
  readonly #apply: (ops: readonly WriteOp[]) => void;

  constructor(db: Database) {
    this.#insertRequest = db.prepare(`INSERT INTO requests VALUES (
      @id, @time, @key_id, @user, @department, @agent, @provider, @model, @endpoint,
      @streamed, @status, @outcome, @error_code, @input_tokens, @cached_tokens,
      @cache_write_tokens, @output_tokens, @reasoning_tokens, @usage_source, @latency_ms,
      @ttft_ms, @cost_usd, @price, @energy_wh, @energy_wh_low, @energy_wh_high, @co2e_g,
      @co2e_g_low, @co2e_g_high, @water_ml, @water_ml_low, @water_ml_high, @region, @findings)`);
    this.#rollup = db.prepare(`INSERT INTO usage_daily VALUES (
      @day, @user, @department, @agent, @provider, @model, @requests, @input_tokens,
      @cached_tokens, @cache_write_tokens, @output_tokens, @reasoning_tokens, @cost_usd,
      @energy_wh, @co2e_g, @water_ml, @estimated_requests)
      ON CONFLICT DO UPDATE SET requests = requests + excluded.requests,
        input_tokens = input_tokens + excluded.input_tokens,
        cached_tokens = cached_tokens + excluded.cached_tokens,
        cache_write_tokens = cache_write_tokens + excluded.cache_write_tokens,
        output_tokens = output_tokens + excluded.output_tokens,
        reasoning_tokens = reasoning_tokens + excluded.reasoning_tokens,
        cost_usd = cost_usd + excluded.cost_usd, energy_wh = energy_wh + excluded.energy_wh,
        co2e_g = co2e_g + excluded.co2e_g, water_ml = water_ml + excluded.water_ml,
        estimated_requests = estimated_requests + excluded.estimated_requests`);
    this.#addSpend = db.prepare(`INSERT INTO budget_spend VALUES
      (@budget_id, @scope_key, @period_start, @tokens, @usd)
      ON CONFLICT DO UPDATE SET tokens = tokens + excluded.tokens, usd = usd + excluded.usd`);
    this.#insertRejection = db.prepare(`INSERT OR IGNORE INTO rejections VALUES
      (@request_id, @time, @address, @key_id, @user, @department, @agent, @code, @rule)`);
    this.#beat = db.prepare(`INSERT INTO heartbeat (id, at) VALUES (1, @at)
      ON CONFLICT (id) DO UPDATE SET at = excluded.at`);
    this.#apply = db.transaction((ops: readonly WriteOp[]) => {
      const rollups = new Map<string, Rollup>();
      const spends = new Map<string, SpendRow>();
      for (const op of ops) this.#applyOne(op, rollups, spends);
      for (const rollup of rollups.values()) this.#rollup.run(rollup);
      for (const spend of spends.values()) this.#addSpend.run(spend);
    });
  }

  /** Applies every op in one transaction, or none of them. */
  apply(ops: readonly WriteOp[]): void {
    this.#apply(ops);
  }

  #applyOne(op: WriteOp, rollups: Map<string, Rollup>, spends: Map<string, SpendRow>): void {
    switch (op.table) {
      case 'requests':
        this.#insertRequest.run(op.row);
        addRollup(rollups, rollupOf(op.row));
        return;
      case 'budget_spend': {
        const { row } = op;
        const key = `${row.budget_id}\u0000${row.scope_key}\u0000${row.period_start}`;
        const sum = spends.get(key);
        if (sum) {
          sum.tokens += row.tokens;
          sum.usd += row.usd;
        } else {
          spends.set(key, { ...row });
        }
        return;
      }
      case 'rejections':
        this.#insertRejection.run(op.row);
        return;
      case 'heartbeat':
        this.#beat.run(op.row);
        return;
    }
  }
}

/** One `usage_daily` increment: its key columns, then the amounts added. */
type Rollup = {
  day: number;
  user: string;
  department: string;
  agent: string;
  provider: string;
  model: string;
} & Omit<UsageRow, 'group'>;

function addRollup(rollups: Map<string, Rollup>, rollup: Rollup): void {
  const key = [rollup.day, rollup.user, rollup.department, rollup.agent, rollup.provider,
    rollup.model].join('\u0000');
  const sum = rollups.get(key);
  if (!sum) {
    rollups.set(key, rollup);
    return;
  }
  for (const amount of USAGE_SUM_FIELDS) sum[amount] += rollup[amount];
}

function rollupOf(row: RequestRow): Rollup {
  return {
    day: Math.floor(row.time / DAY_MS), user: row.user, department: row.department,
    agent: row.agent ?? NO_AGENT, provider: row.provider, model: row.model,
    input_tokens: row.input_tokens, cached_tokens: row.cached_tokens,
    cache_write_tokens: row.cache_write_tokens, output_tokens: row.output_tokens,
    reasoning_tokens: row.reasoning_tokens, cost_usd: row.cost_usd,
    energy_wh: row.energy_wh ?? 0, co2e_g: row.co2e_g ?? 0, water_ml: row.water_ml ?? 0,
    estimated_requests: row.usage_source === 'estimated' ? 1 : 0, requests: 1,
  };
}
