import { foldText } from './fold-text.js';

/** A model-free signal: a pattern over folded text and how much a match weighs. */
export interface SignalRule {
  /** Stable rule id, e.g. `injection.override`. */
  readonly id: string;
  /** Probability-like weight, 0 to 1, combined with the other evidence. */
  readonly weight: number;
  /** Global pattern matched against folded text (lower case, accents removed). */
  readonly pattern: RegExp;
  /**
   * Drops a match when the few characters before it match this (a negation
   * such as "do not"); checked after the match, cheaper than a lookbehind.
   */
  readonly notAfter?: RegExp;
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

/** Builds a global, unicode rule pattern from source pieces. */
export function rule(id: string, weight: number, ...source: string[]): SignalRule {
  return { id, weight, pattern: new RegExp(source.join(''), 'gu') };
}
