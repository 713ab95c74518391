import { isIPv4, isIPv6 } from 'node:net';
import { isPaymentCard } from './luhn.js';
import { isValidIban } from './iban.js';
import { isValidSsn } from './ssn.js';

/** A personal-data pattern with the validator that weeds out look-alikes. */
export interface PiiRule {
  readonly ruleId: string;
  /** Redaction label: the match becomes `<TYPE>`. */
  readonly type: string;
  /** Global (`g`), or sticky (`y`) when {@link PiiRule.starts} is set. */
  readonly pattern: RegExp;
  /** Cheap test that the text can hold a match at all (none: always run). */
  readonly hint?: RegExp;
  /**
   * A further condition on the whole text, tested only once the pattern
   * has matched: cheaper there when the pattern rarely matches and scans
   * faster than the condition would.
   */
  readonly alsoNeeds?: RegExp;
  /**
   * Every offset where a match can start (more do no harm), in increasing
   * order, found faster than the pattern's own search (a rare character, a
   * simpler pattern). The sticky pattern is tried only there, which finds
   * what a global search would.
   */
  readonly starts?: (text: string) => number[];
  /** Returns the length of the valid match starting at the match's index, or 0. */
  readonly accept: (match: RegExpExecArray) => number;
  /** For rules matched from the middle: the whole span, or undefined to drop the match. */
  readonly expand?: (text: string, match: RegExpExecArray) => [number, number] | undefined;
}

const LOCAL_PART = /[A-Za-z0-9._%+-]/;

/** Walks left from the `@` over the local part (at most 64 characters, RFC 5321). */
function expandEmail(text: string, match: RegExpExecArray): [number, number] | undefined {
  let start = match.index;
  while (start > 0 && match.index - start < 64 && LOCAL_PART.test(text[start - 1] as string)) {
    start -= 1;
  }
  if (start === match.index || text[start] === '.') return undefined;
  return [start, match.index + match[0].length];
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function phoneLength(match: RegExpExecArray): number {
  const digits = digitsOf(match[0]).length;
  return digits >= 8 && digits <= 15 ? match[0].length : 0;
}

/** Keeps the IBAN to its country's length, so a following word is not swallowed. */
function ibanLength(match: RegExpExecArray): number {
  const text = match[0];
  for (let end = text.length; end >= 15; end -= 1) {
    if (text[end - 1] === ' ') continue;
    if (isValidIban(text.slice(0, end))) return end;
  }
  return 0;
}

/** Offsets of every `char` in `text` (a native search, not a regex scan). */
function offsetsOf(text: string, char: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) offsets.push(i);
  return offsets;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 102);
}

/** Offset of the colon that closes a pair opened at `colon` (hex digits between), or -1. */
function pairedColon(text: string, colon: number): number {
  for (let i = colon + 1; i <= colon + 5 && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 58) return i;
    if (!isHex(code)) return -1;
  }
  return -1;
}

/**
 * Where an IPv6 match can start. Its first colon lies at most four hex
 * digits in and opens a pair (`:`, up to four hex digits, `:`), so only the
 * five offsets up to such a colon are tried. Empty when the text fails the
 * rule's condition: a hex digit, a colon, up to four hex digits, a colon.
 */
function ipv6Starts(text: string): number[] {
  const starts: number[] = [];
  let next = 0;
  let hinted = false;
  for (const colon of offsetsOf(text, ':')) {
    if (pairedColon(text, colon) === -1) continue;
    hinted ||= colon > 0 && isHex(text.charCodeAt(colon - 1));
    for (let start = Math.max(next, colon - 4); start <= colon; start++) starts.push(start);
    next = colon + 1;
  }
  return hinted ? starts : [];
}

/** The digits at the end of a match led by a label: the label is context, not data. */
function trailing(match: RegExpExecArray, value: string): [number, number] {
  const end = match.index + match[0].length;
  return [end - value.length, end];
}

/** The number part of the labelled phone rule, alone. */
const LABELLED_NUMBER = /\+?\d[\d ().-]{6,18}\d/g;

/**
 * Where the labelled phone rule can match: where a search for its number
 * alone finds one. The label's tail (spaces, `:`, `#`, letters) holds no
 * digit and no `+`, so no number found earlier can run over a labelled
 * one. Trying the label only there beats searching the text for the label
 * words, which a case-insensitive regex does one character at a time.
 */
function labelledNumberStarts(text: string): number[] {
  const starts: number[] = [];
  LABELLED_NUMBER.lastIndex = 0;
  for (let match = LABELLED_NUMBER.exec(text); match; match = LABELLED_NUMBER.exec(text)) {
    starts.push(match.index);
  }
  return starts;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/** E-mail, phone, card, IBAN, SSN and IP address rules, in priority order. */
export const PII_RULES: readonly PiiRule[] = [
  {
    // Anchored on the domain: a local part before every `@` would be scanned from each letter.
    ruleId: 'pii.email', type: 'EMAIL',
    pattern: /@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-])/y,
    starts: (text) => offsetsOf(text, '@'),
    accept: () => 0,
    expand: expandEmail,
  },
  {
    ruleId: 'pii.credit_card', type: 'CREDIT_CARD', alsoNeeds: /\d{4}/,
    pattern: /(?<![\d.-])\d(?:[ -]?\d){12,18}(?![\d-]|\.\d)/g,
    accept: (match) => (isPaymentCard(digitsOf(match[0])) ? match[0].length : 0),
  },
  {
    ruleId: 'pii.iban', type: 'IBAN', hint: /[A-Z]{2}\d\d/,
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![a-z0-9])/g,
    accept: ibanLength,
  },
  {
    ruleId: 'pii.ssn', type: 'SSN', hint: /\d{3}[- ]\d\d[- ]\d{4}/,
    pattern: /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g,
    accept: (match) => (isValidSsn(match[1] ?? '', match[3] ?? '', match[4] ?? '')
      ? match[0].length : 0),
  },
  {
    // Nine digits in a row are an SSN only next to its name. The name leads
    // the pattern (a lookbehind for it would be tried at every offset).
    ruleId: 'pii.ssn', type: 'SSN',
    hint: /ssn|social security/i,
    pattern: /\b(?:ssn|social security(?: number)?)\D{0,16}(\d{3})(\d{2})(\d{4})(?!\d)/gi,
    accept: () => 0,
    expand: (_text, match) => {
      const [area = '', group = '', serial = ''] = match.slice(1);
      return isValidSsn(area, group, serial) ? trailing(match, area + group + serial) : undefined;
    },
  },
  {
    // The hint also lets through compact E.164 numbers (+447700900123).
    ruleId: 'pii.phone', type: 'PHONE', hint: /\d\d[ ./)-]\d|\+\d{8}/,
    pattern: new RegExp([
      // International: +CC then groups.
      '(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?!\\w)',
      // North American: (555) 123-4567, 555-123-4567, 555.123.4567.
      '(?<![\\w-])(?:\\(\\d{3}\\) ?|\\d{3}[-. ])\\d{3}[-. ]\\d{4}(?![\\w-])',
      // European national with separators: 06 12 34 56 78, 030 1234 5678, 0171/1234567.
      '(?<![\\w-])0[1-9](?:[ .-]\\d{2}){4}(?![\\w-])',
      '(?<![\\w/-])0\\d{2,4}[ /-]\\d{3,4}[ -]?\\d{3,4}(?![\\w/-])',
    ].join('|'), 'g'),
    accept: phoneLength,
  },
  {
    // After a label a plain digit run is a phone number: "tel: 0612345678",
    // "call me at 4155552671", "my cell is 07700900123". Tried only where such
    // a run starts (`labelledNumberStarts`).
    ruleId: 'pii.phone', type: 'PHONE',
    pattern: new RegExp(
      String.raw`(?<=\b(?:phone|tel|telephone|mobile|cell|fax|telefon|telefono|telefone|portable` +
        String.raw`|whatsapp|sms|call(?: me)?|text(?: me)?|reach me|contact me|ring me|dial)` +
        String.raw`(?: number| no\.?| nr\.?)?(?:\s+(?:is|at|on))?\s*[:#]?\s*)` +
        String.raw`\+?\d[\d ().-]{6,18}\d`,
      'iy',
    ),
    starts: labelledNumberStarts,
    accept: phoneLength,
  },
  {
    ruleId: 'pii.ipv4', type: 'IP_ADDRESS', hint: /\d\.\d/,
    pattern: new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?![\\w]|\\.\\d)`, 'g'),
    accept: (match) => {
      const first = match[0].slice(0, match[0].indexOf('.'));
      const special = first === '0' || first === '127' || first === '255';
      return isIPv4(match[0]) && !special ? match[0].length : 0;
    },
  },
  {
    // The rule's condition (a hex digit, a colon, up to four hex digits, a
    // colon) is checked by `ipv6Starts`, which also picks the offsets to try.
    ruleId: 'pii.ipv6', type: 'IP_ADDRESS',
    pattern: /(?:[0-9a-fA-F]{1,4}|:)(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])/y,
    starts: ipv6Starts,
    accept: (match) => {
      const before = match.input[match.index - 1] ?? ' ';
      const glued = /[\w:.]/.test(before);
      return !glued && isIPv6(match[0]) && match[0] !== '::' ? match[0].length : 0;
    },
  },
];
