import type { Alert } from '../alerts/alert.js';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { formatScope, scopeKey, type Scope, type Subject } from '../limits/scope.js';
import type { BudgetConfig, BudgetSettings } from './budget-config.js';
import type { BudgetStore } from './budget-store.js';
import { periodBounds } from './period.js';

/** A budget with an id: `config:N` from the file, else its stored id. */
export interface BudgetRule extends BudgetConfig {
  id: string;
}

interface PeriodState {
  rule: BudgetRule;
  scopeKey: string;
  start: Date;
  end: Date;
  spentTokens: number;
  spentUsd: number;
  reservedTokens: number;
  reservedUsd: number;
  alerted: Set<string>;
}

/** What one request holds against each budget that applies to it. */
export interface Reservation {
  holds: { state: PeriodState; tokens: number; usd: number }[];
}

/** A budget's state for one scope in the current period. */
export interface BudgetStatus {
  budget_id: string;
  scope: string;
  subject: string;
  period: 'day' | 'month';
  mode: 'hard' | 'soft';
  tokens_limit: number | null;
  usd_limit: number | null;
  spent_tokens: number;
  spent_usd: number;
  reserved_tokens: number;
  reserved_usd: number;
  remaining_tokens: number | null;
  remaining_usd: number | null;
  resets_at: string;
}

/**
 * Reserves an estimate against every budget that applies before a call and
 * settles to the real usage after it. Loading a period's spending is the
 * only asynchronous step; the check and the reservation that follow run
 * without yielding, so concurrent calls see each other's reservations and a
 * hard budget is overshot by at most the last admitted call.
 */
export class BudgetTracker {
  readonly #store: BudgetStore;
  readonly #settings: BudgetSettings;
  readonly #alert: (alert: Alert) => void;
  readonly #configRules: BudgetRule[];
  #rules: BudgetRule[];
  readonly #states = new Map<string, PeriodState>();
  readonly #loading = new Map<string, Promise<PeriodState>>();

  constructor(options: {
    store: BudgetStore;
    settings: BudgetSettings;
    budgets: readonly BudgetConfig[];
    alert: (alert: Alert) => void;
  }) {
    this.#store = options.store;
    this.#settings = options.settings;
    this.#alert = options.alert;
    this.#configRules = options.budgets.map((budget, index) =>
      ({ ...budget, id: `config:${index}` }));
    this.#rules = this.#configRules;
  }

  /** Re-reads stored budgets (admin API, `keys create --daily-tokens`). */
  async refresh(): Promise<void> {
    const stored = await this.#store.listBudgets();
    this.#rules = [...this.#configRules, ...stored];
  }

  get rules(): readonly BudgetRule[] {
    return this.#rules;
  }

  /**
   * Reserves `tokens` and `usd` against every applicable budget.
   *
   * @throws TokenwardenError `budget_exhausted` (429, with retry-after until
   *   the period resets) when a hard budget has nothing left.
   */
  async reserve(subject: Subject, tokens: number, usd: number, now = new Date()):
    Promise<Reservation> {
    const applicable = this.#rules.flatMap((rule) => {
      const key = scopeKey(rule.scope, subject);
      return key === undefined ? [] : [{ rule, key }];
    });
    if (applicable.length === 0) return { holds: [] };
    const states = await Promise.all(
      applicable.map(({ rule, key }) => this.#state(rule, key, now)));

    // From here to the return nothing awaits: check and reserve are one step.
    for (const state of states) {
      if (state.rule.mode === 'hard' && exhausted(state)) {
        const seconds = Math.max(1, Math.ceil((state.end.getTime() - now.getTime()) / 1000));
        throw new TokenwardenError('budget_exhausted',
          `The ${state.rule.period}ly budget for ${describe(state.rule.scope, state.scopeKey)} `
          + `is spent; it resets at ${state.end.toISOString()}`,
          { retryAfter: seconds, rule: `budget ${state.rule.id}` });
      }
    }
    for (const state of states) {
      state.reservedTokens += tokens;
      state.reservedUsd += usd;
    }
    return { holds: states.map((state) => ({ state, tokens, usd })) };
  }

  /** Replaces a reservation by the real usage, stores it, and raises alerts. */
  settle(reservation: Reservation, tokens: number, usd: number): void {
    for (const hold of reservation.holds) {
      const { state } = hold;
      state.reservedTokens -= hold.tokens;
      state.reservedUsd -= hold.usd;
      const before = fraction(state);
      state.spentTokens += tokens;
      state.spentUsd += usd;
      this.#raiseAlerts(state, before, fraction(state));
      void this.#store.addSpend({
        budgetId: state.rule.id, scopeKey: state.scopeKey, periodStart: state.start,
        tokens, usd,
      }).catch(() => undefined);
    }
  }

  /** Every budget's state in its current period, for the admin API and reports. */
  async status(now = new Date()): Promise<BudgetStatus[]> {
    const earliest = new Date(now.getTime() - 32 * 86_400_000);
    const stored = await this.#store.spendSince(earliest);
    const keys = new Map<string, Set<string>>();
    for (const spend of stored) {
      keys.set(spend.budgetId, (keys.get(spend.budgetId) ?? new Set()).add(spend.scopeKey));
    }
    for (const state of this.#states.values()) {
      keys.set(state.rule.id, (keys.get(state.rule.id) ?? new Set()).add(state.scopeKey));
    }

    const rows: BudgetStatus[] = [];
    for (const rule of this.#rules) {
      const scopes = keys.get(rule.id) ?? new Set<string>();
      if (rule.scope.name !== undefined) scopes.add(`${rule.scope.kind}:${rule.scope.name}`);
      for (const key of scopes) rows.push(toStatus(await this.#state(rule, key, now)));
    }
    return rows;
  }

  async #state(rule: BudgetRule, key: string, now: Date): Promise<PeriodState> {
    const bounds = periodBounds(rule.period, this.#settings.time_zone, now);
    const id = `${rule.id}|${key}|${bounds.start.getTime()}`;
    const known = this.#states.get(id);
    if (known) return known;
    let loading = this.#loading.get(id);
    if (!loading) {
      loading = this.#store.spend(rule.id, key, bounds.start).then((spend) => {
        const state: PeriodState = {
          rule, scopeKey: key, start: bounds.start, end: bounds.end,
          spentTokens: spend.tokens, spentUsd: spend.usd, reservedTokens: 0, reservedUsd: 0,
          alerted: new Set(),
        };
        this.#states.set(id, state);
        this.#loading.delete(id);
        this.#sweep(now);
        return state;
      });
      this.#loading.set(id, loading);
    }
    return loading;
  }

  /** Forgets ended periods that hold no reservation. */
  #sweep(now: Date): void {
    if (this.#states.size < 10_000) return;
    for (const [id, state] of this.#states) {
      if (state.end <= now && state.reservedTokens === 0) this.#states.delete(id);
    }
  }

  #raiseAlerts(state: PeriodState, before: number, after: number): void {
    const { rule } = state;
    const crossings: [number, 'budget_threshold' | 'budget_exhausted'][] =
      [[1, 'budget_exhausted']];
    if (rule.alert_at !== undefined) crossings.unshift([rule.alert_at, 'budget_threshold']);
    for (const [level, kind] of crossings) {
      if (before < level && after >= level && !state.alerted.has(kind)) {
        state.alerted.add(kind);
        this.#alert({
          kind, time: new Date(),
          subject: state.scopeKey,
          message: `${describe(rule.scope, state.scopeKey)} has used ${Math.round(after * 100)}% `
            + `of its ${rule.mode} ${rule.period}ly budget`,
          details: toStatus(state) as unknown as Record<string, unknown>,
        });
      }
    }
  }
}

function exhausted(state: PeriodState): boolean {
  const { rule } = state;
  return (rule.tokens !== undefined && state.spentTokens + state.reservedTokens >= rule.tokens)
    || (rule.usd !== undefined && state.spentUsd + state.reservedUsd >= rule.usd);
}

/** The larger used fraction of the token and dollar limits. */
function fraction(state: PeriodState): number {
  const { rule } = state;
  return Math.max(
    rule.tokens === undefined ? 0 : state.spentTokens / rule.tokens,
    rule.usd === undefined ? 0 : state.spentUsd / rule.usd,
  );
}

function describe(scope: Scope, key: string): string {
  return scope.name === undefined ? `${key} (each ${scope.kind})` : key;
}

function toStatus(state: PeriodState): BudgetStatus {
  const { rule } = state;
  return {
    budget_id: rule.id,
    scope: formatScope(rule.scope),
    subject: state.scopeKey,
    period: rule.period,
    mode: rule.mode,
    tokens_limit: rule.tokens ?? null,
    usd_limit: rule.usd ?? null,
    spent_tokens: state.spentTokens,
    spent_usd: state.spentUsd,
    reserved_tokens: state.reservedTokens,
    reserved_usd: state.reservedUsd,
    remaining_tokens: rule.tokens === undefined ? null
      : Math.max(0, rule.tokens - state.spentTokens - state.reservedTokens),
    remaining_usd: rule.usd === undefined ? null
      : Math.max(0, rule.usd - state.spentUsd - state.reservedUsd),
    resets_at: state.end.toISOString(),
  };
}
