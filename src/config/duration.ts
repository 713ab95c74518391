import { z } from 'zod';

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};

/**
 * Parses a duration such as `250ms`, `30s`, `10m`, `1h`, `90d` or `2w` into
 * milliseconds. Returns undefined for anything else.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] as string] as number));
}

/** A zod field taking a duration string (or a number of milliseconds). */
export const durationField = z.union([z.number(), z.string()], {
  message: 'must be a duration like 30s, 10m, 1h or 90d',
}).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration like 30s, 10m, 1h or 90d' });
    return z.NEVER;
  }
  return ms;
});
