/** The bounds of a budget period: [start, end). */
export interface PeriodBounds {
  start: Date;
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, at: number): { y: number; m: number; d: number; ms: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(at))) parts[part.type] = Number(part.value);
  const y = parts.year as number;
  const m = parts.month as number;
  const d = parts.day as number;
  const ms = Date.UTC(y, m - 1, d, parts.hour, parts.minute, parts.second);
  return { y, m, d, ms };
}

/** The instant of local midnight on a calendar date in `timeZone`. */
function localMidnight(timeZone: string, y: number, m: number, d: number): number {
  const guess = Date.UTC(y, m - 1, d);
  // Offset at the guess, then again at the corrected instant, for DST days.
  let instant = guess - (wallClock(timeZone, guess).ms - guess);
  instant = guess - (wallClock(timeZone, instant).ms - instant);
  return instant;
}

const current = new Map<string, PeriodBounds>();

/**
 * The day or month containing `now`, in `timeZone`. The answer is kept until
 * the period ends: working it out takes a time-zone conversion, which is
 * too slow to repeat for every request.
 */
export function periodBounds(period: 'day' | 'month', timeZone: string, now: Date): PeriodBounds {
  const key = `${period}\u0000${timeZone}`;
  const known = current.get(key);
  const at = now.getTime();
  if (known && known.start.getTime() <= at && at < known.end.getTime()) return known;
  const bounds = computeBounds(period, timeZone, now);
  current.set(key, bounds);
  return bounds;
}

function computeBounds(period: 'day' | 'month', timeZone: string, now: Date): PeriodBounds {
  const { y, m, d } = wallClock(timeZone, now.getTime());
  if (period === 'day') {
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    return {
      start: new Date(localMidnight(timeZone, y, m, d)),
      end: new Date(localMidnight(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1,
        next.getUTCDate())),
    };
  }
  const next = new Date(Date.UTC(y, m, 1));
  return {
    start: new Date(localMidnight(timeZone, y, m, 1)),
    end: new Date(localMidnight(timeZone, next.getUTCFullYear(), next.getUTCMonth() + 1, 1)),
  };
}
