/** Phone number layouts without a label, and the checks that weed out look-alikes. */

/** Phone layouts, international first; each is checked by {@link phoneSpan}. */
export const PHONE_LAYOUTS = new RegExp([
  // International: +CC then groups.
  String.raw`(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\w)`,
  // North American: (555) 123-4567, 555.123.4567; a dash before is a trunk `1-` or a run.
  String.raw`(?<!\w)(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-])`,
  // European national with separators: 06 12 34 56 78, 030 1234 5678, 0171/1234567.
  String.raw`(?<![\w-])0[1-9](?:[ .-]\d{2}){4}(?![\w-])`,
  String.raw`(?<![\w/-])0\d{2,4}[ /-]\d{3,4}[ -]?\d{3,4}(?![\w/-])`,
  // One-digit area code: 03-5555-0123 (Japan), 02 9374 4000 (Australia); Dutch mobile
  // 06-12345678.
  String.raw`(?<![\w/-])0(?:[1-9][ -]\d{4}[ -]\d{4}|6[ -]\d{8})(?![\w/-])`,
  // Area code in brackets: (020) 7946 0012, (02) 9374 4000; Brazil's two digits then
  // 3456-7890 or 98765-4321.
  String.raw`(?<![\w-])\((?:0\d{1,4}\) ?\d{3,4}[ -]?|[1-9]\d\) ?9?\d{4}[ -])\d{3,4}(?![\w-])`,
].join('|'), 'g');

/** After a number: one separator and two or more digits that go on counting. */
const RUN_AFTER = /[ .-]\d{2,}(?![\w/:])/y;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * True when `text[start, end)` is one piece of a longer run of numbers: a
 * digit and one separator (space, dot, dash) right before it, or one
 * separator and two or more digits right after it (`0001 0002 0003 0004`,
 * the groups of an IBAN, a list of sizes). A single digit, a time or `24/7`
 * after a phone number does not make a run.
 */
export function inNumberRun(text: string, start: number, end: number): boolean {
  const separator = text[start - 1];
  if ((separator === ' ' || separator === '.' || separator === '-') && isDigit(text[start - 2])) {
    return true;
  }
  RUN_AFTER.lastIndex = end;
  return RUN_AFTER.test(text);
}

/** True when a match has the 8-15 digits of a phone number (ITU-T E.164 caps it at 15). */
export function hasPhoneLength(value: string): boolean {
  let digits = 0;
  for (let i = 0; i < value.length; i++) if (isDigit(value[i])) digits += 1;
  return digits >= 8 && digits <= 15;
}

/**
 * True when a `+` number can be one: no country code starts with 0, a `+1`
 * number (North America) has ten digits after the 1, and `+37.7749295` is
 * a signed decimal (a coordinate), not a number with a dot after its code.
 */
function isInternational(value: string): boolean {
  if (/^\+\d{1,3}\.\d{5}/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.startsWith('0')) return false;
  return !digits.startsWith('1') || digits.length === 11;
}

/**
 * A North American number with only spaces in it, `128 256 1024`, is a
 * list of numbers when its area code starts with 1 (area codes start 2-9).
 */
function isSpacedNonNanp(value: string): boolean {
  return /^1\d\d \d{3} \d{4}$/.test(value);
}

/** The North American trunk prefix `1-`, `1 `, `1.` right before a number. */
const TRUNK_BEFORE = /(?<![\w.-])1[-. ]$/;

/**
 * Where a number really starts: two characters earlier after a North
 * American trunk prefix (`1-800-555-0199`, `1 (888) 555-0134`), else at
 * `start`. Numbers with a `0` trunk of their own (`020 ...`) take none.
 * Looked for here: in the layouts' pattern an optional `1` would make
 * every `1` in the text a place to try.
 */
function withTrunk(text: string, start: number, value: string): number {
  if (/^\(?0/.test(value)) return start;
  return TRUNK_BEFORE.test(text.slice(Math.max(0, start - 3), start)) ? start - 2 : start;
}

/** The span of a phone layout match, or undefined for a look-alike. */
export function phoneSpan(text: string, match: RegExpExecArray): [number, number] | undefined {
  const value = match[0];
  const end = match.index + value.length;
  if (!hasPhoneLength(value)) return undefined;
  if (value.startsWith('+')) return isInternational(value) ? [match.index, end] : undefined;
  const start = withTrunk(text, match.index, value);
  if (start === match.index && text[start - 1] === '-') return undefined;
  if (inNumberRun(text, start, end) || isSpacedNonNanp(value)) return undefined;
  return [start, end];
}
