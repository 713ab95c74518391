/**
 * True when the digit string passes the Luhn (mod 10) check that every
 * payment card number carries (ISO/IEC 7812-1).
 */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** An issuer's number prefix and the lengths of its card numbers. */
interface CardBrand {
  readonly prefix: RegExp;
  readonly lengths: readonly number[];
}

const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

/**
 * Issuers (ISO/IEC 7812 IIN ranges): Visa, Mastercard (51-55, 2221-2720),
 * Amex, Discover, JCB (3528-3589), Diners Club, UnionPay. A number of a
 * length its issuer does not use (a 15-digit "Visa") is no card.
 */
const BRANDS: readonly CardBrand[] = [
  { prefix: /^4/, lengths: [13, 16, 19] },
  { prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] },
  { prefix: /^3[47]/, lengths: [15] },
  { prefix: /^6(?:011|4[4-9]|5)/, lengths: SIXTEEN_TO_NINETEEN },
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: SIXTEEN_TO_NINETEEN },
  { prefix: /^3(?:0[0-5]|[68])/, lengths: [14, 15, ...SIXTEEN_TO_NINETEEN] },
  { prefix: /^62/, lengths: SIXTEEN_TO_NINETEEN },
];

/** True when `digits` looks like a payment card number: known issuer, its length, Luhn. */
export function isPaymentCard(digits: string): boolean {
  const brand = BRANDS.find((b) => b.prefix.test(digits));
  return brand !== undefined && brand.lengths.includes(digits.length) && isLuhnValid(digits);
}

/** Start and end offsets of the digit groups of a run split by single spaces or dashes. */
function digitGroups(run: string): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  for (const match of run.matchAll(/\d+/g)) {
    groups.push([match.index, match.index + match[0].length]);
  }
  return groups;
}

/**
 * The card number in a run of digit groups found at `offset` of a text:
 * the whole run, or the run less groups at its end (a year, a count), or
 * less a first group of one to three digits (`No. 2 4111 1111 ...`).
 * @returns the card's span in the text, or undefined when the run holds none.
 */
export function cardSpan(run: string, offset: number): [number, number] | undefined {
  const groups = digitGroups(run);
  const [firstStart = 0, firstEnd = 0] = groups[0] ?? [];
  const firsts = groups.length > 1 && firstEnd - firstStart <= 3 ? [0, 1] : [0];
  for (const first of firsts) {
    for (let last = groups.length - 1; last >= first; last -= 1) {
      const start = groups[first]?.[0] ?? 0;
      const end = groups[last]?.[1] ?? 0;
      const digits = run.slice(start, end).replace(/\D/g, '');
      if (digits.length < 13) break;
      if (isPaymentCard(digits)) return [offset + start, offset + end];
    }
  }
  return undefined;
}
