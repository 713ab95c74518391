import type { SecretRule } from './secret-rule.js';

/** Text searched around a keyword hit when the rule does not say. */
const DEFAULT_WINDOW = { before: 128, after: 320 } as const;

/** How far a window may grow to reach the edge of a token it cut. */
const MAX_TOKEN_STRETCH = 512;

/** A stretch of text `[start, end)` that one rule's regex runs on. */
export interface TextWindow {
  start: number;
  end: number;
}

/**
 * Turns keyword hits (start, end pairs) into sorted, merged windows: the
 * rule's reach before and after each hit, kept within the hit's line unless
 * the rule spans lines, and widened so no token is cut in two.
 */
export function windowsFor(text: string, rule: SecretRule, hits: number[]): TextWindow[] {
  const { before, after } = rule.window ?? DEFAULT_WINDOW;
  const raw: TextWindow[] = [];
  for (let i = 0; i < hits.length; i += 2) {
    const hitStart = hits[i] ?? 0;
    const hitEnd = hits[i + 1] ?? hitStart;
    let start = Math.max(0, hitStart - before);
    let end = Math.min(text.length, hitEnd + after);
    if (!rule.multiline) {
      start = lineStartAfter(text, start, hitStart);
      end = lineEndBefore(text, hitEnd, end);
    }
    raw.push({ start: stretchLeft(text, start), end: stretchRight(text, end) });
  }

  raw.sort((a, b) => a.start - b.start);
  const merged: TextWindow[] = [];
  for (const window of raw) {
    const last = merged[merged.length - 1];
    if (last && window.start <= last.end) last.end = Math.max(last.end, window.end);
    else merged.push({ ...window });
  }
  return merged;
}

/*
 * The two line searches below run on a slice (a view, not a copy, in V8)
 * so the native search stays within the window even on a minified file's
 * megabyte-long line; that is about twice as fast as a loop over charCodeAt.
 */

/** The start of the line holding `hit`, but not before `limit`. */
function lineStartAfter(text: string, limit: number, hit: number): number {
  if (hit <= limit) return limit;
  const newline = text.slice(limit, hit).lastIndexOf('\n');
  return newline === -1 ? limit : limit + newline + 1;
}

/** The end of the line holding `hit`, but not after `limit`. */
function lineEndBefore(text: string, hit: number, limit: number): number {
  if (limit <= hit) return limit;
  const newline = text.slice(hit, limit).indexOf('\n');
  return newline === -1 ? limit : hit + newline;
}

/** True for characters that can sit inside a key or token. */
function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) || code === 95 || code === 45 || code === 43 ||
    code === 47 || code === 61 || code === 46;
}

/** Moves a window start left so it does not cut a token in two. */
function stretchLeft(text: string, start: number): number {
  const limit = Math.max(0, start - MAX_TOKEN_STRETCH);
  while (start > limit && isTokenChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Moves a window end right so it does not cut a token in two. */
function stretchRight(text: string, end: number): number {
  const limit = Math.min(text.length, end + MAX_TOKEN_STRETCH);
  while (end < limit && isTokenChar(text.charCodeAt(end))) end++;
  return end;
}
