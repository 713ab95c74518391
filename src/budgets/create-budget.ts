import { randomBytes } from 'node:crypto';
import type { BudgetConfig } from './budget-config.js';
import type { BudgetStore, StoredBudget } from './budget-store.js';

/** Stores a budget under a new id (`budget_` and 12 hex characters). */
export async function createBudget(store: BudgetStore, budget: BudgetConfig,
  now = new Date()): Promise<StoredBudget> {
  const stored: StoredBudget = { ...budget, id: `budget_${randomBytes(6).toString('hex')}`,
    createdAt: now };
  await store.createBudget(stored);
  return stored;
}
