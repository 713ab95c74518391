import { foldText } from './fold-text.js';

/** A model-free signal: a pattern over folded text and how much a match weighs. */
export interface SignalRule {
  /** Stable rule id, e.g. `injection.override`. */
  readonly id: string;
  /** Probability-like weight, 0 to 1, combined with the other evidence. */
  readonly weight: number;
  /**
   * Sticky pattern matched against folded text (lower case, accents
   * removed), tried only where one of `cues` starts.
   */
  readonly pattern: RegExp;
  /**
   * Folded phrases, a space standing for any whitespace run: every match of
   * `pattern` starts with one of them.
   */
  readonly cues: readonly string[];
  /**
   * Drops a match when the few characters before it match this (a negation
   * such as "do not"); checked after the match, cheaper than a lookbehind.
   */
  readonly notAfter?: RegExp;
  /**
   * The parts `pattern` is the alternation of, when built by `rule`: where a
   * cue is found, only the parts that can start there need trying.
   */
  readonly parts?: readonly RulePart[];
}

/** A piece of a rule's pattern and the literals its matches start with. */
export interface RulePart {
  readonly source: string;
  readonly cues: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of phrases, folded the way input text is folded (so the
 * Japanese, Korean and Cyrillic spellings survive the accent removal), with
 * spaces matching any whitespace run.
 */
export function phrases(list: readonly string[]): string {
  return list.map((phrase) => escapeRegExp(foldText(phrase).text).replace(/ /g, '\\s+'))
    .join('|');
}

/** Index of the longest word (the first of equals). */
function longestWord(words: readonly string[]): number {
  let best = 0;
  words.forEach((word, i) => {
    if (word.length > (words[best] as string).length) best = i;
  });
  return best;
}

/**
 * Like `phrases`, for phrases that begin a rule's match, with their cues.
 * A phrase's match starts at its longest word, the words before it moving
 * into a lookbehind (after `boundary`): "the", "i" or "do" would be cues
 * found hundreds of times in any long text, "assistant" or "attention" not.
 */
export function leading(list: readonly string[], boundary = ''): RulePart {
  const sources: string[] = [];
  const cues: string[] = [];
  for (const phrase of list) {
    const words = foldText(phrase).text.split(' ').map(escapeRegExp);
    const at = longestWord(words);
    const rest = words.slice(at).join('\\s+');
    const behind = words.slice(0, at).map((word) => `${word}\\s+`).join('');
    sources.push(at === 0 ? rest : `(?<=${boundary}${behind})${rest}`);
    cues.push(foldText(phrase).text.split(' ')[at] as string);
  }
  return { source: `(?:${sources.join('|')})`, cues };
}

/** A part whose matches start with one of `cues`. */
export function part(source: string, cues: readonly string[]): RulePart {
  return { source, cues };
}

/** The sticky pattern matching any of `parts`, tried in order. */
export function alternation(parts: readonly RulePart[]): RegExp {
  return new RegExp(parts.map((p) => `(?:${p.source})`).join('|'), 'uy');
}

/** Builds a rule whose sticky pattern is the alternation of `parts`. */
export function rule(id: string, weight: number, ...parts: RulePart[]): SignalRule {
  return {
    id, weight,
    pattern: alternation(parts),
    cues: [...new Set(parts.flatMap((p) => p.cues))],
    parts,
  };
}
