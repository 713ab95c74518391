import { isAllowedValue } from './allowlist.js';
import { SECRET_RULES } from './all-rules.js';
import { shannonEntropy } from './entropy.js';
import { KeywordIndex } from './keyword-index.js';
import type { SecretRule } from './secret-rule.js';
import { type Candidate, resolveOverlaps } from './resolve-overlaps.js';
import { type TextWindow, windowsFor } from './text-windows.js';

/** One credential found in a text. */
export interface SecretMatch {
  ruleId: string;
  description: string;
  /** UTF-16 offset where the secret value starts (not its key name). */
  start: number;
  /** UTF-16 offset just past the secret value. */
  end: number;
}

interface CompiledRule {
  readonly rule: SecretRule;
  readonly priority: number;
  readonly regex: RegExp;
}

interface Compiled {
  readonly index: KeywordIndex;
  /** For each keyword id, the rules that listed it. */
  readonly rulesByKeyword: readonly (readonly CompiledRule[])[];
}

let compiled: Compiled | undefined;

/** Compiles the rules once, on first use. */
function compile(): Compiled {
  if (compiled) return compiled;

  const keywordIds = new Map<string, number>();
  const rulesByKeyword: CompiledRule[][] = [];
  SECRET_RULES.forEach((rule, priority) => {
    const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
    const entry = { rule, priority, regex: new RegExp(rule.pattern.source, flags) };
    for (const keyword of new Set(rule.keywords)) {
      let id = keywordIds.get(keyword);
      if (id === undefined) {
        id = keywordIds.size;
        keywordIds.set(keyword, id);
        rulesByKeyword.push([]);
      }
      rulesByKeyword[id]?.push(entry);
    }
  });

  compiled = { index: new KeywordIndex([...keywordIds.keys()]), rulesByKeyword };
  return compiled;
}

/**
 * Finds credentials in `text`: API keys, tokens, private keys, passwords
 * in connection strings and secrets assigned to secret-looking names. The
 * text is first searched once for every rule's keywords; a rule's regex
 * runs only on windows around its keyword hits. Placeholders, documented
 * examples and low-entropy values are left out. Overlapping matches keep
 * the most specific rule. Never throws on any input.
 */
export function detectSecrets(text: string): SecretMatch[] {
  const { index, rulesByKeyword } = compile();
  const hitsByRule = new Map<CompiledRule, number[]>();

  for (const [keywordId, starts] of index.find(text)) {
    const keywordLength = index.keywords[keywordId]?.length ?? 0;
    for (const entry of rulesByKeyword[keywordId] ?? []) {
      const list = hitsByRule.get(entry) ?? [];
      for (const start of starts) list.push(start, start + keywordLength);
      hitsByRule.set(entry, list);
    }
  }

  const candidates: Candidate[] = [];
  for (const [entry, hits] of hitsByRule) {
    for (const window of windowsFor(text, entry.rule, hits)) {
      candidates.push(...matchWindow(text, entry, window));
    }
  }
  return resolveOverlaps(candidates);
}

/** Runs one rule over one window and keeps the matches that pass its checks. */
function matchWindow(
  text: string,
  entry: CompiledRule,
  window: TextWindow,
): Candidate[] {
  const { rule, regex, priority } = entry;
  const slice = text.slice(window.start, window.end);
  const found: Candidate[] = [];
  regex.lastIndex = 0;

  for (let match = regex.exec(slice); match; match = regex.exec(slice)) {
    if (match[0].length === 0) regex.lastIndex++;
    const span = secretSpan(match);
    if (!span) continue;
    const secret = slice.slice(span[0], span[1]);
    if (!accepts(rule, secret, match)) continue;
    found.push({
      ruleId: rule.id,
      description: rule.description,
      start: window.start + span[0],
      end: window.start + span[1],
      priority,
    });
  }
  return found;
}

/** The offsets of the first `secret*` group that took part in the match. */
function secretSpan(match: RegExpExecArray): [number, number] | undefined {
  const groups = match.indices?.groups;
  if (!groups) return undefined;
  for (const [name, span] of Object.entries(groups)) {
    if (span && name.startsWith('secret')) return span;
  }
  return undefined;
}

/** Applies the entropy floor, the allowlists and the rule's own check. */
function accepts(rule: SecretRule, secret: string, match: RegExpExecArray): boolean {
  if (rule.entropy > 0 && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.placeholders !== false && isAllowedValue(secret)) return false;
  if (rule.allow?.some((pattern) => pattern.test(secret))) return false;
  return rule.validate ? rule.validate(secret, match) : true;
}
