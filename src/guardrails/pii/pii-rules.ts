import { isIPv4, isIPv6 } from 'node:net';
import { isPaymentCard } from './luhn.js';
import { isValidIban } from './iban.js';
import { isValidSsn } from './ssn.js';

/** A personal-data pattern with the validator that weeds out look-alikes. */
export interface PiiRule {
  readonly ruleId: string;
  /** Redaction label: the match becomes `<TYPE>`. */
  readonly type: string;
  readonly pattern: RegExp;
  /** Cheap test that the text can hold a match at all. */
  readonly hint: RegExp;
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

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/** E-mail, phone, card, IBAN, SSN and IP address rules, in priority order. */
export const PII_RULES: readonly PiiRule[] = [
  {
    // Anchored on the domain: a local part before every `@` would be scanned from each letter.
    ruleId: 'pii.email', type: 'EMAIL', hint: /@/,
    pattern: /@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-])/g,
    accept: () => 0,
    expand: expandEmail,
  },
  {
    ruleId: 'pii.credit_card', type: 'CREDIT_CARD', hint: /\d{4}/,
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
    // Nine digits in a row are an SSN only next to its name.
    ruleId: 'pii.ssn', type: 'SSN', hint: /ssn|social security/i,
    pattern: /(?<=\b(?:ssn|social security(?: number)?)\D{0,16})(\d{3})(\d{2})(\d{4})(?!\d)/gi,
    accept: (match) => (isValidSsn(match[1] ?? '', match[2] ?? '', match[3] ?? '')
      ? match[0].length : 0),
  },
  {
    ruleId: 'pii.phone', type: 'PHONE', hint: /\d\d[ ./)-]\d/,
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
    // After a label a plain digit run is a phone number: "tel: 0612345678".
    ruleId: 'pii.phone', type: 'PHONE', hint: /phone|tel|mobile|cell|fax|portable/i,
    pattern: /(?<=\b(?:phone|tel|telephone|mobile|cell|fax|telefon|telefono|telefone|portable)(?: number| no\.?| nr\.?)?\s*[:#]?\s*)\+?\d[\d ().-]{6,18}\d/gi,
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
    ruleId: 'pii.ipv6', type: 'IP_ADDRESS', hint: /[0-9a-f]:[0-9a-f]{0,4}:/i,
    pattern: /(?:[0-9a-fA-F]{1,4}|:)(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])/g,
    accept: (match) => {
      const before = match.input[match.index - 1] ?? ' ';
      const glued = /[\w:.]/.test(before);
      return !glued && isIPv6(match[0]) && match[0] !== '::' ? match[0].length : 0;
    },
  },
];
