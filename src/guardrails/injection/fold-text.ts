/**
 * Folds text for matching: lower case, accents removed, compatibility forms
 * (full-width letters, ligatures) unfolded, and invisible or bidirectional
 * characters dropped, so that `I\u200bGNÖRE` matches `ignore`. Keeps a map
 * back to the original offsets so findings point into the text as given.
 */

/** Folded text and, unless it is the identity, the original offset of each unit. */
export interface FoldedText {
  readonly text: string;
  /** Undefined when the folded text has the same offsets as the original. */
  readonly offsets: Int32Array | undefined;
  readonly originalLength: number;
  /** True when the original is ASCII: then it hides no invisible or look-alike character. */
  readonly ascii: boolean;
}

/** Zero-width, joiner, word-joiner, BOM, soft hyphen and bidi controls. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const COMBINING = /\p{M}/gu;

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Small capitals, then the right and left single quotes and the modifier letter apostrophe. */
const LOOK_ALIKE_CHARS = 'ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ\u2019\u2018\u02bc';
const LOOK_ALIKE_ASCII = "abcdefghijklmnoprstuvwyz'''";
const LOOK_ALIKE = new RegExp(`[${LOOK_ALIKE_CHARS}]`, 'g');

/**
 * `text` with the characters compatibility decomposition leaves alone read
 * as ASCII, one unit for one (offsets hold): small capitals, the letters of
 * "ɪɢɴᴏʀᴇ ᴘʀᴇᴠɪᴏᴜꜱ" (a favourite of text "fonts" generators), and
 * typographic apostrophes, so that rules spelled "don't" match text typed
 * on a phone. For the rules only: the classifier learnt from text folded
 * without this, and would read different n-grams.
 * @returns `text` itself when it has none of them.
 */
export function readLookAlikes(text: string): string {
  return text.replace(LOOK_ALIKE,
    (char) => LOOK_ALIKE_ASCII[LOOK_ALIKE_CHARS.indexOf(char)] ?? char);
}

const cache = new Map<number, string>();

/** True for code points with no visible glyph: INVISIBLE plus Unicode tag characters. */
export function isInvisible(codePoint: number): boolean {
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return true;
  return INVISIBLE.test(String.fromCodePoint(codePoint));
}

function foldCodePoint(codePoint: number): string {
  const known = cache.get(codePoint);
  if (known !== undefined) return known;

  let folded = '';
  if (!isInvisible(codePoint)) {
    folded = String.fromCodePoint(codePoint).normalize('NFKD').replace(COMBINING, '')
      .toLowerCase();
  }

  // The cache is bounded by the alphabet actually seen; cap it against abuse.
  if (cache.size < 20_000) cache.set(codePoint, folded);
  return folded;
}

/**
 * Folds `text` (see the module comment). ASCII input takes a fast path.
 * @returns the folded text with its offset map.
 */
export function foldText(text: string): FoldedText {
  if (ASCII_ONLY.test(text)) {
    return { text: text.toLowerCase(), offsets: undefined, originalLength: text.length,
      ascii: true };
  }

  const parts: string[] = [];
  let offsets = new Int32Array(text.length + 16);
  let n = 0;
  let i = 0;

  while (i < text.length) {
    const codePoint = text.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = codePoint < 128 ? text[i]!.toLowerCase() : foldCodePoint(codePoint);

    if (n + folded.length >= offsets.length) {
      const grown = new Int32Array(offsets.length * 2 + folded.length);
      grown.set(offsets);
      offsets = grown;
    }
    for (let k = 0; k < folded.length; k += 1) offsets[n++] = i;
    parts.push(folded);
    i += width;
  }

  offsets[n] = text.length;
  return { text: parts.join(''), offsets: offsets.subarray(0, n + 1),
    originalLength: text.length, ascii: false };
}

/** Maps an offset in the folded text back to the original text. */
export function originalOffset(folded: FoldedText, index: number): number {
  if (folded.offsets === undefined) return Math.min(index, folded.originalLength);
  return folded.offsets[Math.min(index, folded.offsets.length - 1)] ?? folded.originalLength;
}
