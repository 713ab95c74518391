import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/** A private key's PEM header, as a base64-encoded PEM block starts with it. */
const PEM_PRIVATE_HEADER = /^-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;

/** True when `secret` is base64 of a PEM private key (not of a certificate or public key). */
function decodesToPrivateKey(secret: string): boolean {
  return PEM_PRIVATE_HEADER.test(Buffer.from(secret.slice(0, 120), 'base64').toString('latin1'));
}

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
    // Kubernetes (`tls.key`), kubeconfig (`client-key-data`) and Helm values
    // store PEM files base64-encoded on one line; `LS0tLS1CRUdJTi` is `-----BEGIN`.
    id: 'private-key-base64',
    description: 'Base64-encoded PEM private key (Kubernetes tls.key, kubeconfig client-key-data)',
    family: 'private key',
    keywords: ['ls0tls1crudjti'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{80,}={0,2})`,
      String.raw`(?![A-Za-z0-9+/=])`),
    window: { before: 0, after: 16_000 },
    placeholders: false,
    entropy: 0,
    validate: decodesToPrivateKey,
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
