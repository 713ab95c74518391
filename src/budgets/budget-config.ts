import { z } from 'zod';
import { scopeField } from '../limits/scope.js';

/** A spending cap for a scope over a day or a month. */
export const budgetSchema = z.strictObject({
  scope: scopeField.refine((scope) => scope.kind !== 'ip', {
    message: 'must name a key, user, department or agent, not ip',
  }),
  period: z.enum(['day', 'month'], { message: 'must be day or month' }),
  tokens: z.number().int().positive().optional(),
  usd: z.number().positive().optional(),
  /** `hard` refuses calls once spent; `soft` only alerts. */
  mode: z.enum(['hard', 'soft'], { message: 'must be hard or soft' }).default('hard'),
  /** Fraction of the budget at which an alert is raised (as well as at 100%). */
  alert_at: z.number().gt(0).lt(1).optional(),
}).refine((budget) => budget.tokens !== undefined || budget.usd !== undefined, {
  message: 'needs tokens, usd or both',
});

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How budgets count: the time zone of their days and months, the answer estimate. */
export const budgetSettingsSchema = z.strictObject({
  time_zone: z.string().refine(validTimeZone, { message: 'must be an IANA time zone' })
    .default('UTC'),
  /** Answer tokens reserved when a request sets no `max_tokens`. */
  answer_tokens: z.number().int().positive().default(1024),
}).default({ time_zone: 'UTC', answer_tokens: 1024 });

export type BudgetConfig = z.output<typeof budgetSchema>;
export type BudgetSettings = z.output<typeof budgetSettingsSchema>;
