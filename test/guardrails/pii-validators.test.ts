import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/guardrails/pii/detect-pii.js';
import { isValidIban } from '../../src/guardrails/pii/iban.js';
import { isLuhnValid, isPaymentCard } from '../../src/guardrails/pii/luhn.js';
import { isValidSsn } from '../../src/guardrails/pii/ssn.js';

const found = (text: string) => detectPii(text).map((m) => `${m.ruleId}:${text.slice(m.start, m.end)}`);

describe('validators', () => {
  it('checks Luhn', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isPaymentCard('378282246310005')).toBe(true);
    expect(isPaymentCard('1234567812345670')).toBe(false);
  });

  it('checks IBAN by mod 97 and country length', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0532 0130')).toBe(false);
  });

  it('applies the SSA rules to SSNs', () => {
    expect(isValidSsn('123', '45', '6789')).toBe(true);
    for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['912', '12', '3456'],
      ['123', '00', '4567'], ['123', '45', '0000']]) {
      expect(isValidSsn(a as string, g as string, s as string)).toBe(false);
    }
  });
});

describe('detectPii', () => {
  it('finds each kind', () => {
    const text = 'ana@example.org, +44 20 7946 0958, 4111-1111-1111-1111, '
      + 'FR14 2004 1010 0505 0001 3M02 606, 078-05-1120, 10.1.2.3, 2001:db8::ff00:42:8329';
    expect(found(text)).toEqual([
      'pii.email:ana@example.org', 'pii.phone:+44 20 7946 0958',
      'pii.credit_card:4111-1111-1111-1111', 'pii.iban:FR14 2004 1010 0505 0001 3M02 606',
      'pii.ssn:078-05-1120', 'pii.ipv4:10.1.2.3', 'pii.ipv6:2001:db8::ff00:42:8329',
    ]);
  });

  it('finds national phone formats', () => {
    expect(found('Call (415) 555-0132 or 06 12 34 56 78 or 030 1234 5678 or tel: 0612345678'))
      .toEqual(['pii.phone:(415) 555-0132', 'pii.phone:06 12 34 56 78',
        'pii.phone:030 1234 5678', 'pii.phone:0612345678']);
  });

  it('finds compact international numbers and digit runs after words that name a phone', () => {
    expect(found('WhatsApp +447700900123, or call me at 4155552671; my cell is 07700900123'))
      .toEqual(['pii.phone:+447700900123', 'pii.phone:4155552671', 'pii.phone:07700900123']);
    expect(found('call 911, build 20240115103000, call f(1, 2, 3) at 10:30')).toEqual([]);
  });

  it('ignores look-alikes', () => {
    const text = 'Order 4111111111111112 shipped on 2024-03-15 at 12:30:45, invoice 20240315-0042,'
      + ' SSN 666-12-3456, version v1.2.3.4, ratio 3.14, build 1234567890123, '
      + 'IBAN DE00 1234 5678 9012 3456 78';
    expect(found(text)).toEqual([]);
  });

  it('finds labelled numbers among words that hold a label', () => {
    const text = 'Tell the hotel (excellent cell coverage): tel: 0612345678, '
      + 'Social Security Number: 078051120, intel 0612345678';
    expect(found(text)).toEqual(['pii.phone:0612345678', 'pii.ssn:078051120']);
  });

  it('finds e-mail and IPv6 addresses next to their look-alikes', () => {
    const text = '@@ @home a@b.co, at 10:30:00 and dead:beef::1 and ::1 '
      + 'from fe80::1ff:fe23:4567:890a';
    expect(found(text)).toEqual(['pii.email:a@b.co', 'pii.ipv6:dead:beef::1',
      'pii.ipv6:fe80::1ff:fe23:4567:890a']);
  });

  it('applies custom patterns', () => {
    const matches = detectPii('Employee EMP-123456 filed it.',
      [{ name: 'employee_id', pattern: /EMP-\d{6}/g }]);
    expect(matches.map((m) => [m.ruleId, m.type])).toEqual([['pii.custom.employee_id', 'EMPLOYEE_ID']]);
  });
});

describe('detectPii: e-mail forms', () => {
  it('finds international domains, apostrophes and URL-encoded addresses', () => {
    const text = "Schreib an jürgen.weiß@straßenbau.example, d.o'connor@example.ie, "
      + 'иван@почта.рус or ?to=ines%40example.pt; 请发邮件到wang@example.cn谢谢';
    expect(found(text)).toEqual(['pii.email:jürgen.weiß@straßenbau.example',
      "pii.email:d.o'connor@example.ie", 'pii.email:иван@почта.рус',
      'pii.email:ines%40example.pt', 'pii.email:wang@example.cn']);
  });

  it('finds obfuscated addresses, but not code of the same shape', () => {
    expect(found('reach priya (at) example (dot) in or li[at]example.org'))
      .toEqual(['pii.email:priya (at) example (dot) in', 'pii.email:li[at]example.org']);
    expect(found('if (at) at.length; else map(at) at.first')).toEqual([]);
  });

  it('leaves image names with a density suffix alone', () => {
    expect(found('hero@2x.jpeg, badge@3x.svg')).toEqual([]);
  });
});

describe('detectPii: phone layouts', () => {
  it('finds trunk prefixes, bracketed area codes and one-digit area codes', () => {
    const text = 'Dial 1-877-555-0142 or 1 (646) 555-0190; Leeds (0113) 496 0742, '
      + 'Melbourne (03) 9555 0123, BH (31) 2345-6789, Osaka 06-6555-0199, mobiel 06-98765432';
    expect(found(text)).toEqual(['pii.phone:1-877-555-0142', 'pii.phone:1 (646) 555-0190',
      'pii.phone:(0113) 496 0742', 'pii.phone:(03) 9555 0123', 'pii.phone:(31) 2345-6789',
      'pii.phone:06-6555-0199', 'pii.phone:06-98765432']);
  });

  it('skips number lists, signed decimals and impossible North American numbers', () => {
    const text = 'widths 320 480 768 1024, ids 0042 0043 0044 0045, temp +21.4567891, '
      + 'delta +12345678, sizes 144 233 3770, seasons (1999) 2000-2001, '
      + 'IBAN FR00 3000 4000 0312 3456 7890 143';
    expect(found(text)).toEqual([]);
  });
});

describe('detectPii: cards, IBANs and SSNs', () => {
  it('finds a card after a short number; a card glued to a word is none', () => {
    expect(found('No. 3 4761 7390 0001 2348')).toEqual(['pii.credit_card:4761 7390 0001 2348']);
    expect(found('token tok_4761739000012348x')).toEqual([]);
  });

  it('checks the length the issuer uses', () => {
    expect(isPaymentCard('4761739000012348')).toBe(true);
    // Both pass Luhn: a 15-digit Visa and a 16-digit Amex do not exist.
    expect(isPaymentCard('476173900001231')).toBe(false);
    expect(isPaymentCard('3712345678901234')).toBe(false);
  });

  it('finds lowercase IBANs, and still checks them', () => {
    expect(found('iban gb86barc20035312345678 and at48 3200 0000 1234 5864'))
      .toEqual(['pii.iban:gb86barc20035312345678', 'pii.iban:at48 3200 0000 1234 5864']);
    expect(found('iban gb93barc20035312345678, targets es2020 es2021 es2022')).toEqual([]);
  });

  it('takes a spaced SSN alone, not inside a list of numbers', () => {
    expect(found('SSN 342 71 5503')).toEqual(['pii.ssn:342 71 5503']);
    expect(found('tensor shape 512 32 1024 64')).toEqual([]);
  });
});

describe('detectPii: IP addresses', () => {
  it('reads dotted quads after version words, in user agents or with a tag as versions', () => {
    const text = 'version 6.1.7.2, Firmware: 3.0.12.5, SDKVersion("8.0.1.4"), Edge/121.0.0.0, '
      + 'build 4.4.0.1-beta, § 5.2.3.1';
    expect(found(text)).toEqual([]);
    expect(found('server 198.18.7.12 and observer 100.70.1.9'))
      .toEqual(['pii.ipv4:198.18.7.12', 'pii.ipv4:100.70.1.9']);
  });

  it('finds IPv6 ending in dotted IPv4, not digit-less code paths', () => {
    expect(found('::ffff:203.0.113.9 and 2001:db8:3::10.1.2.3'))
      .toEqual(['pii.ipv6:::ffff:203.0.113.9', 'pii.ipv6:2001:db8:3::10.1.2.3']);
    expect(found('Cafe::fade() and Bead::deaf')).toEqual([]);
  });
});
