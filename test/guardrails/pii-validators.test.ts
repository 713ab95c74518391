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
