import { joinedPattern } from '../../detectors/joined-pattern.js';

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

/** Issuer prefixes: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay. */
const ISSUER = joinedPattern('',
  String.raw`^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6(?:011|5|4[4-9]|2)|35|3(?:0[0-5]|`,
  String.raw`[68]))`);

/** True when `digits` looks like a payment card number: known issuer, 13-19 digits, Luhn. */
export function isPaymentCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && ISSUER.test(digits) && isLuhnValid(digits);
}
