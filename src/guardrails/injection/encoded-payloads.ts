import { ATTACK_WORDS } from './attack-words.js';

/** A run of encoded text and its decoded form. */
export interface EncodedPayload {
  readonly encoding: 'base64' | 'hex' | 'url' | 'rot13' | 'reversed';
  readonly start: number;
  readonly end: number;
  readonly decoded: string;
}

const BASE64_RUN = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/_-]{4}){5,}(?:[A-Za-z0-9+/_-]{2,3}={0,2})?/g;
/** Twelve or more hex bytes, packed or each followed by one space or colon. */
const HEX_RUN = new RegExp('(?<![0-9a-fA-F])(?:(?:[0-9a-fA-F]{2}){12,}'
  + '|(?:[0-9a-fA-F]{2}[ :]){11,}[0-9a-fA-F]{2})(?![0-9a-fA-F])', 'g');
const HEX_ESCAPES = /(?:\\x[0-9a-fA-F]{2}){6,}/g;
const URL_ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;
const URL_ESCAPE = /%[0-9a-fA-F]{2}/g;
/** Matched against folded text, lower case already: `/i` would double the cost. */
const ROT13_CUE = /rot-?\s?13|caesar|cipher|chiffr|cifrad/;


const IS_BASE64 = 1;
const IS_HEX = 2;
/** Hex digits and the separators HEX_RUN allows between pairs. */
const IS_HEX_SPAN = 4;

/** Character classes of ASCII, for the run search below instead of regex scans. */
const CLASSES = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9+/_-]/.test(char)) CLASSES[code] = IS_BASE64;
  if (/[0-9a-fA-F]/.test(char)) CLASSES[code] = (CLASSES[code] as number) | IS_HEX;
  if (/[0-9a-fA-F :]/.test(char)) CLASSES[code] = (CLASSES[code] as number) | IS_HEX_SPAN;
}

/** Shortest runs HEX_RUN and BASE64_RUN match: 5 quads, 12 packed or spaced pairs. */
const MIN_BASE64_RUN = 20;
const MIN_HEX_RUN = 24;
const MIN_HEX_SPAN = 35;

/**
 * Whether `text` has `length` consecutive characters of class `bit`. Only
 * the last character of a candidate window is tested first, as in
 * Boyer-Moore: one outside the class rules out every window holding it,
 * so prose is skipped a word at a time. Each index is read at most once.
 */
function hasRun(text: string, bit: number, length: number): boolean {
  let end = length - 1;
  // Indexes after the window's start up to here are known to be in the class.
  let checked = -1;
  while (end < text.length) {
    let i = end;
    for (; i > checked; i -= 1) {
      const code = text.charCodeAt(i);
      if (code >= 128 || ((CLASSES[code] as number) & bit) === 0) break;
    }
    if (i === checked) return true;
    checked = end;
    end = i + length;
  }
  return false;
}

/** Most payloads a text is decoded for, against decompression-bomb style abuse. */
const MAX_PAYLOADS = 16;
const MAX_DECODED = 8_000;

/** True when decoded bytes read as text: nearly all printable, with letters. */
function looksLikeText(decoded: string): boolean {
  if (decoded.length < 8) return false;
  let printable = 0;
  let letters = 0;
  for (const char of decoded) {
    const code = char.codePointAt(0) as number;
    if (code === 0xfffd) return false;
    if (code >= 32 || code === 10 || code === 13 || code === 9) printable += 1;
    if (/\p{L}/u.test(char)) letters += 1;
  }
  return printable / decoded.length > 0.95 && letters / decoded.length > 0.5
    && /\s/.test(decoded);
}

function rot13(text: string): string {
  return text.replace(/[a-zA-Z]/g, (char) => {
    const base = char <= 'Z' ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * For short texts, one search for a cipher named (group 1), key words in
 * rot13 ("vafgehpgvbaf", group 2) or backwards ("snoitcurtsni", group 3):
 * then the whole text is decoded or reversed.
 */
const SHORT_TEXT_CUES = new RegExp(`(${ROT13_CUE.source})|(${ATTACK_WORDS.map(rot13).join('|')})`
  + `|(${ATTACK_WORDS.map((word) => [...word].reverse().join('')).join('|')})`);

function collect(pattern: RegExp, text: string, decode: (run: string) => string,
  encoding: EncodedPayload['encoding'], out: EncodedPayload[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match && out.length < MAX_PAYLOADS;
    match = pattern.exec(text)) {
    let decoded = '';
    try {
      decoded = decode(match[0]).slice(0, MAX_DECODED);
    } catch {
      continue;
    }
    if (!looksLikeText(decoded)) continue;
    out.push({ encoding, start: match.index, end: match.index + match[0].length, decoded });
  }
}

/**
 * Finds base64, hex, percent-encoded and (when the text mentions a cipher)
 * rot13 payloads that decode to readable text, for a second scan.
 * @param folded `text` folded (see foldText), where the cipher is looked for.
 * @param short also decode rot13 and reversed text when a key word of an
 *   attack appears so encoded: a search over every character, paid on short
 *   texts only (see detect-injection).
 */
export function findEncodedPayloads(text: string, folded: string, short = false):
  EncodedPayload[] {
  const out: EncodedPayload[] = [];

  if (hasRun(text, IS_BASE64, MIN_BASE64_RUN)) {
    collect(BASE64_RUN, text, (run) => Buffer.from(run, 'base64').toString('utf8'), 'base64', out);
  }
  if (hasRun(text, IS_HEX, MIN_HEX_RUN) || hasRun(text, IS_HEX_SPAN, MIN_HEX_SPAN)) {
    collect(HEX_RUN, text, (run) => Buffer.from(run.replace(/[ :]/g, ''), 'hex')
      .toString('utf8'), 'hex', out);
  }
  if (text.includes('\\x')) {
    collect(HEX_ESCAPES, text, (run) => Buffer.from(run.replace(/\\x/g, ''), 'hex')
      .toString('utf8'), 'hex', out);
  }
  const escapes = text.includes('%') ? text.match(URL_ESCAPE) : null;
  if (escapes && escapes.length >= 5) {
    const decoded = text.replace(URL_ESCAPES, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (looksLikeText(decoded)) out.push({ encoding: 'url', start: 0, end: text.length, decoded });
  }

  const cue = short ? SHORT_TEXT_CUES.exec(folded) : null;
  const cipher = short ? cue !== null && cue[3] === undefined : ROT13_CUE.test(folded);
  if (cipher && out.length < MAX_PAYLOADS) {
    out.push({ encoding: 'rot13', start: 0, end: text.length, decoded: rot13(text) });
  }
  if (cue?.[3] !== undefined && out.length < MAX_PAYLOADS) {
    out.push({ encoding: 'reversed', start: 0, end: text.length,
      decoded: [...text].reverse().join('') });
  }
  return out;
}
