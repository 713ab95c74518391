/** A run of encoded text and its decoded form. */
export interface EncodedPayload {
  readonly encoding: 'base64' | 'hex' | 'url' | 'rot13';
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
const ROT13_CUE = /rot-?\s?13|caesar|cipher|chiffr|cifrad/i;

const IS_BASE64 = 1;
const IS_HEX = 2;
const IS_SEPARATOR = 4;

/** Character classes of ASCII, for one linear pre-scan instead of two regex scans. */
const CLASSES = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9+/_-]/.test(char)) CLASSES[code] = IS_BASE64;
  if (/[0-9a-fA-F]/.test(char)) CLASSES[code] = (CLASSES[code] as number) | IS_HEX;
  if (char === ' ' || char === ':') CLASSES[code] = IS_SEPARATOR;
}

/** Whether the text has a run long enough to be a base64 or hex payload. */
function hasLongRuns(text: string): { base64: boolean; hex: boolean } {
  let base64 = 0;
  let hex = 0;
  let foundBase64 = false;
  let foundHex = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? (CLASSES[code] as number) : 0;
    base64 = cls & IS_BASE64 ? base64 + 1 : 0;
    // Hex digits may be separated by single spaces or colons (`de:ad:be:ef`).
    hex = cls & IS_HEX ? hex + 1 : cls & IS_SEPARATOR ? hex : 0;
    if (base64 >= 20) foundBase64 = true;
    if (hex >= 24) foundHex = true;
  }
  return { base64: foundBase64, hex: foundHex };
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
 */
export function findEncodedPayloads(text: string): EncodedPayload[] {
  const out: EncodedPayload[] = [];

  const runs = hasLongRuns(text);
  if (runs.base64) {
    collect(BASE64_RUN, text, (run) => Buffer.from(run, 'base64').toString('utf8'), 'base64', out);
  }
  if (runs.hex) {
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

  if (ROT13_CUE.test(text) && out.length < MAX_PAYLOADS) {
    out.push({ encoding: 'rot13', start: 0, end: text.length, decoded: rot13(text) });
  }
  return out;
}
