import { EMAIL_DOMAIN, OBFUSCATED_DOMAIN, emailStarts, expandEmail, expandObfuscated,
  obfuscatedStarts } from './email.js';
import { ibanCountryLength, isValidIban } from './iban.js';
import { ipv4Length, ipv6Length } from './ip.js';
import { cardSpan } from './luhn.js';
import { offsetsOf } from './offsets.js';
import { PHONE_LAYOUTS, hasPhoneLength, inNumberRun, phoneSpan } from './phone.js';
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
  /**
   * For global patterns that read on over text that is not part of the
   * item (an IBAN's pattern takes the words after it, which `accept` cuts
   * off): the search resumes where the accepted item ends, or one character
   * after a rejected match starts, so the words it read are searched too.
   */
  readonly rescan?: boolean;
  /** Returns the length of the valid match starting at the match's index, or 0. */
  readonly accept: (match: RegExpExecArray) => number;
  /** For rules matched from the middle: the whole span, or undefined to drop the match. */
  readonly expand?: (text: string, match: RegExpExecArray) => [number, number] | undefined;
}

function phoneLength(match: RegExpExecArray): number {
  return hasPhoneLength(match[0]) ? match[0].length : 0;
}

/**
 * Keeps the IBAN to its country's length, so a following word is not
 * swallowed: the one end where that many characters (spaces aside) are
 * read, which must end a group (a space or the match's end follows).
 */
function ibanLength(match: RegExpExecArray): number {
  const text = match[0];
  const wanted = ibanCountryLength(text.slice(0, 2));
  if (wanted === undefined) return 0;
  let read = 0;
  let end = 0;
  while (end < text.length && read < wanted) {
    if (text[end] !== ' ') read += 1;
    end += 1;
  }
  if (read < wanted || (end < text.length && text[end] !== ' ')) return 0;
  return isValidIban(text.slice(0, end)) ? end : 0;
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
 * rule's condition: a hex digit or a colon (`::ffff:`), a colon, up to four
 * hex digits, a colon.
 */
function ipv6Starts(text: string): number[] {
  const starts: number[] = [];
  let next = 0;
  let hinted = false;
  for (const colon of offsetsOf(text, ':')) {
    if (pairedColon(text, colon) === -1) continue;
    const before = text.charCodeAt(colon - 1);
    hinted ||= colon > 0 && (isHex(before) || before === 58);
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

/** SSN parts in a match: `123-45-6789`, or the same with spaces when not among other numbers. */
function ssnLength(match: RegExpExecArray): number {
  const [value, area = '', separator, group = '', serial = ''] = match;
  const end = match.index + value.length;
  if (separator === ' ' && inNumberRun(match.input, match.index, end)) return 0;
  return isValidSsn(area, group, serial) ? value.length : 0;
}

/** E-mail, phone, card, IBAN, SSN and IP address rules, in priority order. */
export const PII_RULES: readonly PiiRule[] = [
  {
    // Anchored on the domain: a local part before every `@` would be scanned from each letter.
    ruleId: 'pii.email', type: 'EMAIL',
    pattern: EMAIL_DOMAIN,
    starts: emailStarts,
    accept: () => 0,
    expand: expandEmail,
  },
  {
    // `jane [at] example [dot] com`, `jane(at)example.com`: anchored on the marker.
    ruleId: 'pii.email', type: 'EMAIL',
    pattern: OBFUSCATED_DOMAIN,
    starts: obfuscatedStarts,
    accept: () => 0,
    expand: expandObfuscated,
  },
  {
    // A run of digit groups not glued to a word; `cardSpan` finds the card in it. The run
    // starts with two digits: a lone digit is skipped (half the work on prose), and the
    // search goes on from the group after it, which `cardSpan` would have tried.
    ruleId: 'pii.credit_card', type: 'CREDIT_CARD', alsoNeeds: /\d{4}/,
    pattern: /(?<![\w.-])\d\d(?:[ -]?\d){11,26}(?![\w-]|\.\d)/g,
    accept: () => 0,
    expand: (_text, match) => cardSpan(match[0], match.index),
  },
  {
    // Any case: people type `de89 3704 ...`; the validator uppercases. No hint: two
    // letters and two digits (`sha256`, `es2015`) are in most technical text anyway.
    ruleId: 'pii.iban', type: 'IBAN', rescan: true,
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])/g,
    accept: ibanLength,
  },
  {
    ruleId: 'pii.ssn', type: 'SSN', hint: /\d{3}[- ]\d\d[- ]\d{4}/,
    pattern: /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g,
    accept: ssnLength,
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
    // The hint also lets through compact E.164 numbers (+447700900123) and a bracketed
    // area code before the rest in one piece: (030) 1234567.
    ruleId: 'pii.phone', type: 'PHONE', hint: /\d\d(?:[ ./-]|\) ?)\d|\+\d{8}/,
    pattern: PHONE_LAYOUTS,
    accept: () => 0,
    expand: phoneSpan,
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
    accept: ipv4Length,
  },
  {
    // The rule's condition (a hex digit or a colon, a colon, up to four hex
    // digits, a colon) is checked by `ipv6Starts`, which also picks the
    // offsets to try. An address may end in dotted IPv4 (`::ffff:192.0.2.128`).
    ruleId: 'pii.ipv6', type: 'IP_ADDRESS',
    pattern: new RegExp(String.raw`(?:[0-9a-fA-F]{1,4}|:)(?:(?::[0-9a-fA-F]{0,4}){1,6}:` +
      String.raw`(?:\d{1,3}\.){3}\d{1,3}|(?::[0-9a-fA-F]{0,4}){2,7})(?![\w:]|\.\d)`, 'y'),
    starts: ipv6Starts,
    accept: ipv6Length,
  },
];
