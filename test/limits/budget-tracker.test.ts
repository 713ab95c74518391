import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert.js';
import { BudgetTracker } from '../../src/budgets/budget-tracker.js';
import { periodBounds } from '../../src/budgets/period.js';
import { parseScope } from '../../src/limits/scope.js';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

let dir: string;
let storage: SqliteStorage;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenwarden-budget-'));
  storage = new SqliteStorage(dir);
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const subject = { keyId: 'key_a', user: 'alice', department: 'eng', agent: null, ip: '::1' };

describe('budget periods', () => {
  it('finds UTC days and months', () => {
    const now = new Date('2026-03-15T10:00:00Z');
    expect(periodBounds('day', 'UTC', now)).toEqual({
      start: new Date('2026-03-15T00:00:00Z'), end: new Date('2026-03-16T00:00:00Z') });
    expect(periodBounds('month', 'UTC', now)).toEqual({
      start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') });
  });

  it('follows a time zone across a daylight-saving change', () => {
    // New York springs forward on 8 March 2026: that day has 23 hours.
    const day = periodBounds('day', 'America/New_York', new Date('2026-03-08T12:00:00Z'));
    expect(day.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(day.end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const month = periodBounds('month', 'Europe/Paris', new Date('2026-03-31T23:30:00Z'));
    expect(month.start.toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('BudgetTracker', () => {
  function tracker(alerts: Alert[] = []) {
    return new BudgetTracker({
      store: storage.budgets, settings: { time_zone: 'UTC', answer_tokens: 100 },
      budgets: [{ scope: parseScope('user:alice')!, period: 'day', tokens: 1_000,
        mode: 'hard', alert_at: 0.5 }],
      alert: (alert) => alerts.push(alert),
    });
  }

  it('refuses once spent and reserved reach the limit, until the period resets', async () => {
    const budgets = tracker();
    const morning = new Date('2026-05-01T08:00:00Z');
    const first = await budgets.reserve(subject, 600, 0, morning);
    const second = await budgets.reserve(subject, 600, 0, morning);
    await expect(budgets.reserve(subject, 1, 0, morning)).rejects.toMatchObject({
      code: 'budget_exhausted', status: 429, retryAfter: 16 * 3600 });
    budgets.settle(first, 100, 0);
    budgets.settle(second, 100, 0);
    expect((await budgets.status(morning))[0]).toMatchObject({
      spent_tokens: 200, reserved_tokens: 0, remaining_tokens: 800,
      resets_at: '2026-05-02T00:00:00.000Z' });

    await budgets.reserve(subject, 10, 0, morning).then((hold) => budgets.settle(hold, 900, 0));
    await expect(budgets.reserve(subject, 1, 0, morning)).rejects.toThrow(/resets at/);
    await expect(budgets.reserve(subject, 1, 0, new Date('2026-05-02T00:00:00Z')))
      .resolves.toBeDefined();
  });

  it('keeps spending across a restart and alerts once per threshold', async () => {
    const alerts: Alert[] = [];
    const budgets = tracker(alerts);
    const now = new Date('2026-05-01T08:00:00Z');
    budgets.settle(await budgets.reserve(subject, 10, 0, now), 400, 0);
    budgets.settle(await budgets.reserve(subject, 10, 0, now), 200, 0);
    budgets.settle(await budgets.reserve(subject, 10, 0, now), 50, 0);
    expect(alerts.map((alert) => alert.kind)).toEqual(['budget_threshold']);
    await storage.budgets.flush();

    const restarted = tracker(alerts);
    expect((await restarted.status(now))[0]?.spent_tokens).toBe(650);
    restarted.settle(await restarted.reserve(subject, 10, 0, now), 400, 0);
    expect(alerts.map((alert) => alert.kind)).toEqual(['budget_threshold', 'budget_exhausted']);
  });

  it('lets concurrent reservations see each other', async () => {
    const budgets = tracker();
    const now = new Date('2026-05-01T08:00:00Z');
    const attempts = await Promise.allSettled(
      Array.from({ length: 60 }, () => budgets.reserve(subject, 100, 0, now)));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(10);
  });
});
