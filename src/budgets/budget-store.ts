import type { BudgetConfig } from './budget-config.js';

/** A budget set through the admin API or `keys create --daily-tokens`. */
export interface StoredBudget extends BudgetConfig {
  id: string;
  createdAt: Date;
}

/** What a scope has spent against a budget in one period. */
export interface Spend {
  budgetId: string;
  scopeKey: string;
  periodStart: Date;
  tokens: number;
  usd: number;
}

/** Budgets and their spending, behind async methods (SQLite today). */
export interface BudgetStore {
  listBudgets(): Promise<StoredBudget[]>;
  createBudget(budget: StoredBudget): Promise<void>;
  deleteBudget(id: string): Promise<boolean>;
  /** Spending of one scope in one period; zero when none is stored. */
  spend(budgetId: string, scopeKey: string, periodStart: Date): Promise<Spend>;
  /** Spending of every scope in periods starting at or after `since`. */
  spendSince(since: Date): Promise<Spend[]>;
  /** Adds to a scope's spending; group-committed. */
  addSpend(spend: Spend): Promise<void>;
}
