/** A stretch of text hidden from a human reader, and what it says when revealed. */
export interface HiddenText {
  readonly ruleId: string;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
  /** Revealed text to scan again, when there is one. */
  readonly revealed?: string;
}

/** Unicode tag characters (U+E0000-E007F) spell ASCII invisibly ("ASCII smuggling"). */
const TAG_RUN = /(?:\udb40[\udc00-\udc7f]){4,}/g;

/** Zero-width characters with no use inside prose (ZWJ and ZWNJ are left out: emoji, Persian). */
const ZERO_WIDTH = /[\u200b\u2060-\u2064\u180e]|(?<!^)\ufeff/g;

/** Bidirectional overrides and isolates, the "Trojan Source" characters. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * A word mixing Latin with Cyrillic or Greek letters: a homoglyph disguise.
 * Greek mu is left out: it is the micro prefix of units (`μs`, `μm`).
 */
const MIXED_SCRIPT = new RegExp('[a-zA-Z][\\u0370-\\u03bb\\u03bd-\\u03ff\\u0400-\\u04ff]'
  + '|[\\u0370-\\u03bb\\u03bd-\\u03ff\\u0400-\\u04ff][a-zA-Z]', 'g');

/** Cyrillic and Greek letters drawn like Latin ones, and the Latin letter they pass for. */
const LOOK_ALIKES = new Map<string, string>([
  ...[...'аеорсухіјѕһԁԛԝӏүкмнтвАВЕКМНОРСТУХІЈЅ'].map((c, i) =>
    [c, 'aeopcyxijshdqwlykmhtbABEKMHOPCTYXIJS'[i] as string] as const),
  ...[...'αορικνυχεΑΒΕΖΗΙΚΜΝΟΡΤΥΧ'].map((c, i) =>
    [c, 'aopikvuxeABEZHIKMNOPTYX'[i] as string] as const),
]);

/** A word with Latin letters and Cyrillic or Greek ones. */
const MIXED_WORD = new RegExp('[\\p{L}\\p{M}]*(?:[a-zA-Z][\\p{L}\\p{M}]*[\\u0370-\\u052f]'
  + '|[\\u0370-\\u052f][\\p{L}\\p{M}]*[a-zA-Z])[\\p{L}\\p{M}]*', 'gu');

/** The text with the look-alike letters of mixed-script words read as the Latin ones. */
function readAsLatin(text: string): string {
  return text.replace(MIXED_WORD, (word) => word.replace(/[\u0370-\u052f]/g,
    (char) => LOOK_ALIKES.get(char) ?? char));
}

function countMatches(pattern: RegExp, text: string): { count: number; first: number } {
  pattern.lastIndex = 0;
  let count = 0;
  let first = -1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (first < 0) first = match.index;
    count += 1;
  }
  return { count, first };
}

function revealTags(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i += 2) {
    out += String.fromCharCode((run.codePointAt(i) as number) - 0xe0000);
  }
  return out;
}

/**
 * The text as a reader sees it where a right-to-left override (U+202E)
 * reverses what follows it, up to the pop (U+202C) or the end of the line:
 * `Ignore\u202esnoitcurtsni suoiverp` shows "Ignore previous instructions".
 * Bidi controls are dropped; nested embeddings are not modelled.
 */
function displayedOrder(text: string): string {
  const reverse = (_: string, run: string) => [...run].reverse().join('');
  return text.replace(/\u202e([^\u202c\n]*)\u202c?/g, reverse).replace(BIDI, '');
}

/**
 * Finds invisible, direction-changing and look-alike characters. Tag runs
 * after a black flag (U+1F3F4) are subdivision flags, not smuggling.
 */
export function findHiddenText(text: string): HiddenText[] {
  const found: HiddenText[] = [];

  TAG_RUN.lastIndex = 0;
  for (let match = TAG_RUN.exec(text); match; match = TAG_RUN.exec(text)) {
    if (text.slice(Math.max(0, match.index - 2), match.index) === '\u{1f3f4}') continue;
    found.push({
      ruleId: 'injection.invisible', weight: 0.8, start: match.index,
      end: match.index + match[0].length, revealed: revealTags(match[0]),
    });
  }

  const zeroWidth = countMatches(ZERO_WIDTH, text);
  if (zeroWidth.count >= 3) {
    found.push({ ruleId: 'injection.invisible', weight: 0.35, start: zeroWidth.first,
      end: zeroWidth.first + 1 });
  }

  const bidi = countMatches(BIDI, text);
  if (bidi.count > 0) {
    const shown = text.includes('\u202e') ? displayedOrder(text) : undefined;
    found.push({ ruleId: 'injection.bidi', weight: 0.35, start: bidi.first, end: bidi.first + 1,
      ...(shown === undefined ? {} : { revealed: shown }) });
  }

  const mixed = countMatches(MIXED_SCRIPT, text);
  if (mixed.count > 0) {
    found.push({ ruleId: 'injection.homoglyph', weight: Math.min(0.6, 0.2 * mixed.count),
      start: mixed.first, end: mixed.first + 2, revealed: readAsLatin(text) });
  }
  return found;
}
