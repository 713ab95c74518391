import { isIPv4, isIPv6 } from 'node:net';

/**
 * Text before a dotted quad that makes it a version or a section number:
 * `version 1.2.3.4`, `Version: 4.2.10.1`, `AssemblyVersion("2.0.1.7")`,
 * `firmware 2.4.10.3`, `section 4.3.2.1`, `§ 3.1.4.1`.
 */
const VERSION_BEFORE = new RegExp(
  String.raw`(?:version|\b(?:ver|v|build|release|rev|revision|firmware|fw|section|sec|chapter` +
    String.raw`|clause|oid)|§)\.?\s*(?:[:=#(]\s*|is\s+|no\.?\s*)?["']?$`,
  'i',
);

/** A product token before the number, as in a user agent: `Chrome/120.0.0.0`. */
const PRODUCT_BEFORE = /[A-Za-z]\/$/;

/** A pre-release tag after the number: `3.1.2.0-rc1`. */
const PRERELEASE_AFTER = /-[A-Za-z]/y;

/** True when the dotted quad at `text[start, end)` reads as a version, not an address. */
function isVersion(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 32), start);
  PRERELEASE_AFTER.lastIndex = end;
  return VERSION_BEFORE.test(before) || PRODUCT_BEFORE.test(before)
    || PRERELEASE_AFTER.test(text);
}

/**
 * Length of an IPv4 address match, or 0: not an address, `0.x`, loopback
 * `127.x`, broadcast and netmasks `255.x`, or a version number.
 */
export function ipv4Length(match: RegExpExecArray): number {
  const value = match[0];
  const first = value.slice(0, value.indexOf('.'));
  if (!isIPv4(value) || first === '0' || first === '127' || first === '255') return 0;
  return isVersion(match.input, match.index, match.index + value.length) ? 0 : value.length;
}

/**
 * Length of an IPv6 address match, or 0: not an address, glued to a word,
 * `::`, or without a decimal digit (`Face::add`, `a::b` are C++ and Rust
 * paths; addresses in use carry digits, `2001:`, `fe80:`).
 */
export function ipv6Length(match: RegExpExecArray): number {
  const value = match[0];
  const before = match.input[match.index - 1] ?? ' ';
  if (/[\w:.]/.test(before) || !/\d/.test(value)) return 0;
  return isIPv6(value) && value !== '::' ? value.length : 0;
}
