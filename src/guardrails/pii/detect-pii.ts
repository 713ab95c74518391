import { PII_RULES, type PiiRule } from './pii-rules.js';

/** One personal-data item found in a text. */
export interface PiiMatch {
  readonly ruleId: string;
  /** Redaction label, e.g. `EMAIL`. */
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** A pattern from configuration, already compiled. */
export interface CustomPattern {
  readonly name: string;
  readonly pattern: RegExp;
}

function scan(rule: PiiRule, text: string, out: PiiMatch[]): void {
  if (rule.hint && !rule.hint.test(text)) return;
  const found: PiiMatch[] = [];
  if (rule.starts) scanAt(rule, text, rule.starts(text), found);
  else scanAll(rule, text, found);
  if (found.length > 0 && rule.alsoNeeds && !rule.alsoNeeds.test(text)) return;
  for (const match of found) out.push(match);
}

function scanAll(rule: PiiRule, text: string, out: PiiMatch[]): void {
  const { pattern } = rule;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = report(rule, text, match, out);
    if (rule.rescan) pattern.lastIndex = end === -1 ? match.index + 1 : end;
  }
}

/** A global search, run only from `starts`: it resumes where its last match ended. */
function scanAt(rule: PiiRule, text: string, starts: readonly number[], out: PiiMatch[]): void {
  const { pattern } = rule;
  let reach = 0;
  for (const start of starts) {
    if (start < reach) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    report(rule, text, match, out);
    reach = match.index + match[0].length;
  }
}

/** Adds the match's item to `out` when the rule takes it. @returns the item's end, or -1. */
function report(rule: PiiRule, text: string, match: RegExpExecArray, out: PiiMatch[]): number {
  if (rule.expand) {
    const span = rule.expand(text, match);
    if (!span) return -1;
    out.push({ ruleId: rule.ruleId, type: rule.type, start: span[0], end: span[1] });
    return span[1];
  }
  const length = rule.accept(match);
  if (length === 0) return -1;
  out.push({ ruleId: rule.ruleId, type: rule.type, start: match.index,
    end: match.index + length });
  return match.index + length;
}

function scanCustom(custom: CustomPattern, text: string, out: PiiMatch[]): void {
  const pattern = custom.pattern;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    out.push({ ruleId: `pii.custom.${custom.name}`, type: custom.name.toUpperCase(),
      start: match.index, end: match.index + match[0].length });
  }
}

/** Drops matches overlapping an earlier (or, at the same start, longer) one. */
export function dropOverlaps<T extends { start: number; end: number }>(matches: T[]): T[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reach = -1;
  for (const match of matches) {
    if (match.start < reach) continue;
    kept.push(match);
    reach = match.end;
  }
  return kept;
}

/**
 * Finds e-mail addresses, phone numbers, payment cards (Luhn), IBANs
 * (mod 97), US SSNs, IPv4/IPv6 addresses and the configured custom
 * patterns (which need `g` in their flags).
 * @returns non-overlapping matches in text order.
 */
export function detectPii(text: string, custom: readonly CustomPattern[] = []): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const rule of PII_RULES) scan(rule, text, out);
  for (const pattern of custom) scanCustom(pattern, text, out);
  return dropOverlaps(out);
}
