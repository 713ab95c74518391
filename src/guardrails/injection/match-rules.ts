import { alternation, type RulePart, type SignalRule } from './signal-rule.js';

/** One match of a rule, in folded-text offsets. */
export interface RuleMatch {
  readonly rule: SignalRule;
  readonly start: number;
  readonly end: number;
}

/** Matches of one rule beyond this many add no more weight. */
const MAX_MATCHES_PER_RULE = 3;

const WORD_START = /^[a-z0-9]/;
const ASCII_START = /^[\x00-\x7f]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Cues as one pattern, longest first so that a hit names the longest cue
 * starting there (the others starting there are its prefixes).
 */
function cuePattern(cues: readonly string[], prefix: string): RegExp {
  // No cues: a pattern that never matches. An empty alternation would match
  // the empty string at every position and try the rules at each.
  if (cues.length === 0) return /(?!)/g;
  const sorted = [...cues].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(`${prefix}(?:${sorted.map(escapeRegExp).join('|')})`, 'g');
}

/** The cue and its prefixes: the cues that start where it starts. */
function prefixes(cue: string): string[] {
  return Array.from({ length: cue.length }, (_, i) => cue.slice(0, i + 1));
}

/** True when one of `starts` is among `cues`. */
function hasAny(cues: ReadonlySet<string>, starts: readonly string[]): boolean {
  return starts.some((start) => cues.has(start));
}

/** A rule to try where a cue starts: its pattern, or the parts of it that can match there. */
interface Attempt {
  readonly index: number;
  readonly parts: readonly RulePart[];
  /** Built the first time it is tried: most cues are never found. */
  pattern: RegExp | undefined;
}

/** A rule, its index, and the cues of each of its parts. */
interface Indexed {
  readonly rule: SignalRule;
  readonly index: number;
  readonly partCues: readonly ReadonlySet<string>[];
}

/**
 * The attempt of a rule with only the parts that have one of `starts` as a
 * cue; `made` keeps the rule's attempts already made, by parts, since most
 * cues of a part ask for the same ones.
 */
function attemptAt({ rule, index, partCues }: Indexed, starts: readonly string[],
  made: Map<string, Attempt>): Attempt {
  const all = rule.parts ?? [];
  const parts = all.filter((_, i) => hasAny(partCues[i] as ReadonlySet<string>, starts));
  const whole = parts.length === 0 || parts.length === all.length;
  const key = whole ? '' : parts.map((part) => all.indexOf(part)).join();
  const attempt = made.get(key) ?? { index, parts, pattern: whole ? rule.pattern : undefined };
  made.set(key, attempt);
  return attempt;
}

/** The next hit of `pattern` at or after `from`, or undefined. */
function nextHit(pattern: RegExp, text: string, from: number): RegExpExecArray | undefined {
  pattern.lastIndex = from;
  return pattern.exec(text) ?? undefined;
}

/**
 * Finds rule matches without one scan of the text per rule: two patterns
 * find where any cue starts, and only there are the rules with that cue
 * tried, anchored. Every match of a rule starts with one of its cues, so
 * this finds what a global scan per rule would (leftmost, not overlapping,
 * at most three per rule), at a fraction of the cost on long benign text,
 * where cues are rare.
 */
export class RuleMatcher {
  readonly #rules: readonly SignalRule[];
  /**
   * Cues that begin with a letter or digit count only at a word start, where
   * the rules that have them begin; the two kinds are apart because one
   * pattern of both is slower than two (V8's literal search gives up).
   */
  readonly #wordCues: RegExp;
  readonly #otherCues: RegExp;
  /**
   * The other cues that are ASCII, for ASCII text: the scripts' cues (a
   * few hundred first characters, CJK, Arabic, Hebrew...) cost most of the
   * other pattern's scan, and cannot match there.
   */
  readonly #asciiOtherCues: RegExp;
  /**
   * Rules to try where a cue was found, those of the cue and of its
   * prefixes, each with its pattern cut down to the parts that have such a
   * cue: the others cannot match there, and a rule of thirty languages
   * tried whole where "qua" (of "bỏ qua") starts "quarterly" cost a tenth
   * of the scan.
   */
  readonly #rulesAt = new Map<string, readonly Attempt[]>();

  constructor(rules: readonly SignalRule[]) {
    this.#rules = rules;
    const all = [...new Set(rules.flatMap((rule) => rule.cues))];
    this.#wordCues = cuePattern(all.filter((cue) => WORD_START.test(cue)), '\\b');
    this.#otherCues = cuePattern(all.filter((cue) => !WORD_START.test(cue)), '');
    this.#asciiOtherCues = cuePattern(all.filter((cue) => !WORD_START.test(cue)
      && ASCII_START.test(cue)), '');

    const made = rules.map(() => new Map<string, Attempt>());
    const cueSets = rules.map((rule) => new Set(rule.cues));
    const indexed = rules.map((rule, index) => ({ rule, index,
      partCues: (rule.parts ?? []).map((part) => new Set(part.cues)) }));
    for (const cue of all) {
      const starts = prefixes(cue);
      const tries: Attempt[] = [];
      indexed.forEach((entry, index) => {
        if (!hasAny(cueSets[index] as Set<string>, starts)) return;
        tries.push(attemptAt(entry, starts, made[index] as Map<string, Attempt>));
      });
      this.#rulesAt.set(cue, tries);
    }
  }

  /**
   * @param ascii true when `folded` is known to be ASCII: cues in other
   *   scripts are not looked for.
   * @returns the matches in `folded`, by position.
   */
  match(folded: string, ascii = false): RuleMatch[] {
    const found: RuleMatch[] = [];
    const nextFree = new Int32Array(this.#rules.length);
    const counts = new Uint8Array(this.#rules.length);
    const otherCues = ascii ? this.#asciiOtherCues : this.#otherCues;
    let word = nextHit(this.#wordCues, folded, 0);
    let other = nextHit(otherCues, folded, 0);

    while (word || other) {
      const fromWord = !other || (word !== undefined && word.index <= other.index);
      const hit = (fromWord ? word : other) as RegExpExecArray;
      const at = hit.index;
      for (const attempt of this.#rulesAt.get(hit[0]) ?? []) {
        const index = attempt.index;
        if (at < (nextFree[index] as number) || counts[index] === MAX_MATCHES_PER_RULE) continue;
        const rule = this.#rules[index] as SignalRule;
        const pattern = attempt.pattern ?? alternation(attempt.parts);
        attempt.pattern = pattern;
        pattern.lastIndex = at;
        const match = pattern.exec(folded);
        if (!match) continue;

        const end = at + match[0].length;
        nextFree[index] = Math.max(end, at + 1);
        if (rule.notAfter?.test(folded.slice(Math.max(0, at - 12), at))) continue;
        found.push({ rule, start: at, end });
        counts[index] = (counts[index] as number) + 1;
      }
      if (fromWord) word = nextHit(this.#wordCues, folded, at + 1);
      else other = nextHit(otherCues, folded, at + 1);
    }
    return found;
  }
}
