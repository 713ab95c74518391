import { ATTACK_WORDS } from './attack-words.js';

/**
 * Words disguised so that no rule sees them: spelled out letter by letter
 * ("i g n o r e", "i.g.n.o.r.e", "d_i_s_r_e_g_a_r_d") or in leetspeak
 * ("1gn0r3 pr3v10u5 1n5truct10n5"). Each yields a view of the text with the
 * disguise undone, to be scanned again: only the lines that changed.
 */

/** A view of some lines, undisguised, and where those lines are in the folded text. */
export interface UndisguisedView {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Three or more single letters, each apart from the next by the same
 * separator (a sign, or a run of spaces): the letters of one word. Words
 * stay apart where the separator grows or changes ("r e v e a l  y o u r").
 */
const SPELLED = /(?<![\p{L}\p{N}])\p{L}(?:( +|[.\-_*·/|])\p{L})(?:\1\p{L})+(?![\p{L}\p{N}])/gu;

/**
 * A word mixing letters with the digits that stand for letters, one next
 * to a letter ("@" and "$" count once a digit does: "r3v3@l", not an
 * address): two letters at least, so "4k" or "h264" is left alone; "mp3"
 * becomes "mpe", which no rule looks for.
 */
const LEET_WORD = new RegExp('(?<![a-z0-9@$])(?=[a-z0-9@$]*[a-z][a-z0-9@$]*[a-z])'
  + '(?=[a-z0-9@$]*(?:[a-z][013457]|[013457][a-z]))[a-z0-9@$]+', 'g');

/**
 * Cheap first looks, on the whole text: a leet sign next to a letter, a
 * character alone between two separators. Prose has neither most of the
 * time, and the patterns above cost several times more per character.
 */
const MAYBE_LEET = /[013457](?:[a-z]|(?<=[a-z][013457]))/;
const MAYBE_SPELLED = /[ .\-_*·/|]\S[ .\-_*·/|]+\S[ .\-_*·/|]/;

/**
 * Words of attacks, to find the word breaks of a sentence spelled out with
 * one space everywhere ("i g n o r e a l l p r e v i o u s ..."): joined it
 * is one word, "ignoreallprevious...", and a space around each of these
 * gives back "ignore all previous instructions".
 */
const KEY_WORDS = new RegExp(
  [...ATTACK_WORDS, 'instruction', 'prior', 'above', 'rules', 'guidelines'].join('|'), 'g');

/** Runs this long, joined, are a sentence rather than one word. */
const SENTENCE_RUN = 16;

/** A spelled-out run joined; a long one broken again around the key words. */
function join(run: string, separator: string): string {
  const joined = run.split(separator).join('');
  if (joined.length < SENTENCE_RUN) return joined;
  return joined.replace(KEY_WORDS, ' $& ').replace(/ {2,}/g, ' ').trim();
}

const LEET: Record<string, string> = { 0: 'o', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's' };

/**
 * Undoes the disguises in each line of `folded` (see foldText).
 * @returns one view with "1" read as "i", and, when some "1" was read, one
 *   with "1" read as "l" ("a11 ru1es"); empty when nothing was disguised.
 */
export function undisguise(folded: string): UndisguisedView[] {
  const leetSigns = MAYBE_LEET.test(folded);
  if (!leetSigns && !MAYBE_SPELLED.test(folded)) return [];
  let start = -1;
  let end = -1;
  const asI: string[] = [];
  const asL: string[] = [];
  let sawOne = false;
  let offset = 0;

  for (const line of folded.split('\n')) {
    const lineEnd = offset + line.length;
    let changed = false;
    const spelled = line.replace(SPELLED, (run, separator: string) => {
      changed = true;
      return join(run, separator);
    });
    const leet = (one: string) => (!leetSigns ? spelled : spelled.replace(LEET_WORD, (word) => {
      changed = true;
      if (word.includes('1')) sawOne = true;
      return word.replace(/[013457@$]/g, (c) => (c === '1' ? one : LEET[c] ?? c));
    }));
    const withI = leet('i');
    if (changed) {
      if (start < 0) start = offset;
      end = lineEnd;
      asI.push(withI);
      asL.push(leet('l'));
    }
    offset = lineEnd + 1;
  }

  if (start < 0) return [];
  const views = [{ start, end, text: asI.join('\n') }];
  if (sawOne) views.push({ start, end, text: asL.join('\n') });
  return views;
}
