import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/** PEM, OpenSSH, PuTTY and PGP private key blocks. */
export const PRIVATE_KEY_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    description: 'Private key block (PEM, PKCS#8, OpenSSH, PGP)',
    family: 'private key',
    keywords: ['private key'],
    // Bodies may hold literal `\n` escapes when the key sits in a JSON string.
    pattern: joinedPattern('d',
      String.raw`(?<secret>-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|\s)`,
      String.raw`*[A-Za-z0-9+/=][\s\S]{60,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)`,
      String.raw`?-----)`),
    window: { before: 100, after: 40_000 },
    multiline: true,
    placeholders: false,
    entropy: 0,
    validate: (secret) => !/\.\.\.|…|<[a-z ]+>|x{8,}/i.test(secret),
  },
  {
    id: 'putty-private-key',
    description: 'PuTTY private key file',
    family: 'private key',
    keywords: ['putty-user-key-file'],
    pattern: joinedPattern('d',
      String.raw`(?<secret>PuTTY-User-Key-File-\d: [\s\S]{20,}?Private-Lines: \d+[\s\S]{40,}?Priv`,
      String.raw`ate-MAC: [a-f0-9]{40,64})`),
    window: { before: 0, after: 20_000 },
    multiline: true,
    placeholders: false,
    entropy: 0,
  },
];
