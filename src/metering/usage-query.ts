import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { UsageGrouping, UsageQuery } from './usage-summary.js';

const GROUPINGS: readonly UsageGrouping[] = ['user', 'department', 'agent', 'model'];

/**
 * Parses a date bound: `2026-11-01` (midnight UTC), a full ISO timestamp,
 * or a relative `7d` / `24h` back from now.
 */
export function parseDateBound(text: string, field: string, now = new Date()): Date {
  const relative = /^(\d+)([dh])$/.exec(text);
  if (relative) {
    const hours = Number(relative[1]) * (relative[2] === 'd' ? 24 : 1);
    return new Date(now.getTime() - hours * 3_600_000);
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) {
    throw new TokenwardenError('usage_error',
      `'${field}' must be a date like 2026-11-01, an ISO time, or 7d: got "${text}"`);
  }
  return date;
}

/**
 * Builds a usage query from command-line or query-string values.
 *
 * @throws TokenwardenError `usage_error` naming the field and the value.
 */
export function parseUsageQuery(input: { by?: string | undefined; since?: string | undefined;
  until?: string | undefined }): UsageQuery {
  const by = (input.by ?? 'user') as UsageGrouping;
  if (!GROUPINGS.includes(by)) {
    throw new TokenwardenError('usage_error',
      `'by' must be one of ${GROUPINGS.join(', ')}: got "${input.by}"`);
  }
  const since = input.since ? parseDateBound(input.since, 'since') : undefined;
  const until = input.until ? parseDateBound(input.until, 'until') : undefined;
  if (since && until && since >= until) {
    throw new TokenwardenError('usage_error', `'since' must be before 'until': got ${
      since.toISOString()} and ${until.toISOString()}`);
  }
  return { by, since, until };
}
