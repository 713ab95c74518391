import { leading, part, phrases, type RulePart } from './signal-rule.js';

/**
 * Pieces of the override and prompt-request rules of every language: gaps,
 * boundaries, verb and object.
 */

/** A gap of a few words inside one sentence. */
export const GAP = '[^.!?\\n。！？]{0,48}?';

/** Word boundary that also works next to accented or Cyrillic letters. */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/**
 * "Ignore the previous instructions I gave you about formatting": people
 * take back their own words all the time, and nobody attacks an assistant
 * by cancelling what they asked themselves. The override is of instructions
 * someone else gave. (English words, but the French rule matches English
 * text too: "ignore" and "instructions" are French.)
 */
export const NOT_MY_OWN = '(?!\\p{L}*\\s+(?:that\\s+|which\\s+)?i\\s+(?:just\\s+)?'
  + '(?:gave|sent|wrote|said|told|asked|mentioned|made|typed|shared|provided|listed|posted)\\b)';

/**
 * Verb, a few words, object. Folded Latin-script text is ASCII, where the
 * cheap `\\b` works; Cyrillic needs the Unicode-aware boundary. `extra` is
 * more objects as a pattern, for those a list would spell out by the dozen.
 */
export function verbObject(verbs: readonly string[], objects: readonly string[], unicode = false,
  after = NOT_MY_OWN, extra = ''): RulePart {
  const [b, e] = unicode ? [B, E] : ['\\b', '\\b'];
  const lead = leading(verbs, b);
  const object = [objects.length > 0 ? phrases(objects) : '', extra].filter(Boolean).join('|');
  return part(`${b}${lead.source}${e}${GAP}${b}(?:${object})\\p{L}*${after}`, lead.cues);
}

/**
 * A phrase of `first`, a gap matched by `gap`, a phrase of `second`: for
 * scripts without the ASCII word boundary and for verb-last languages.
 */
export function pair(first: readonly string[], gap: string, second: readonly string[]): RulePart {
  const lead = leading(first);
  return part(`${lead.source}${gap}(?:${phrases(second)})`, lead.cues);
}
