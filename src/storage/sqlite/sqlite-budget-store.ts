import type { Database, Statement } from 'better-sqlite3';
import type { StoredBudget, BudgetStore, Spend } from '../../budgets/budget-store.js';
import { formatScope, parseScope } from '../../limits/scope.js';
import type { SqliteWriter } from './sqlite-writer.js';
import type { SpendRow } from './write-ops.js';

interface BudgetRow {
  id: string;
  scope: string;
  period: 'day' | 'month';
  tokens: number | null;
  usd: number | null;
  mode: 'hard' | 'soft';
  alert_at: number | null;
  created_at: number;
}


function fromSpendRow(row: SpendRow): Spend {
  return {
    budgetId: row.budget_id, scopeKey: row.scope_key, periodStart: new Date(row.period_start),
    tokens: row.tokens, usd: row.usd,
  };
}

/** Budgets and per-period spending in SQLite. */
export class SqliteBudgetStore implements BudgetStore {
  readonly #all: Statement<[], BudgetRow>;
  readonly #insert: Statement;
  readonly #delete: Statement<[string]>;
  readonly #spend: Statement<[string, string, number], SpendRow>;
  readonly #since: Statement<[number], SpendRow>;
  readonly #writer: SqliteWriter;

  constructor(db: Database, writer: SqliteWriter) {
    this.#all = db.prepare('SELECT * FROM budgets ORDER BY created_at, id');
    this.#insert = db.prepare(`INSERT INTO budgets VALUES
      (@id, @scope, @period, @tokens, @usd, @mode, @alert_at, @created_at)`);
    this.#delete = db.prepare('DELETE FROM budgets WHERE id = ?');
    this.#spend = db.prepare(`SELECT * FROM budget_spend
      WHERE budget_id = ? AND scope_key = ? AND period_start = ?`);
    this.#since = db.prepare('SELECT * FROM budget_spend WHERE period_start >= ?');
    this.#writer = writer;
  }

  async listBudgets(): Promise<StoredBudget[]> {
    return this.#all.all().flatMap((row) => {
      const scope = parseScope(row.scope);
      if (!scope) return [];
      return [{
        id: row.id, scope, period: row.period, mode: row.mode,
        ...(row.tokens === null ? {} : { tokens: row.tokens }),
        ...(row.usd === null ? {} : { usd: row.usd }),
        ...(row.alert_at === null ? {} : { alert_at: row.alert_at }),
        createdAt: new Date(row.created_at),
      }];
    });
  }

  async createBudget(budget: StoredBudget): Promise<void> {
    this.#insert.run({
      id: budget.id, scope: formatScope(budget.scope), period: budget.period,
      tokens: budget.tokens ?? null, usd: budget.usd ?? null, mode: budget.mode,
      alert_at: budget.alert_at ?? null, created_at: budget.createdAt.getTime(),
    });
  }

  async deleteBudget(id: string): Promise<boolean> {
    return this.#delete.run(id).changes > 0;
  }

  async spend(budgetId: string, scopeKey: string, periodStart: Date): Promise<Spend> {
    const row = this.#spend.get(budgetId, scopeKey, periodStart.getTime());
    return row ? fromSpendRow(row)
      : { budgetId, scopeKey, periodStart, tokens: 0, usd: 0 };
  }

  async spendSince(since: Date): Promise<Spend[]> {
    return this.#since.all(since.getTime()).map(fromSpendRow);
  }

  addSpend(spend: Spend): Promise<void> {
    return this.#writer.write({ table: 'budget_spend', row: {
      budget_id: spend.budgetId, scope_key: spend.scopeKey,
      period_start: spend.periodStart.getTime(), tokens: spend.tokens, usd: spend.usd,
    } });
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }
}
