import { shannonEntropy } from '../entropy.js';
import type { SecretRule } from '../secret-rule.js';

/** Key-name words that mean "this value is a credential". */
const SECRET_WORDS = String.raw`secret|token|passw(?:or)?d|pwd|api[_.-]?key|apikey|` +
  String.raw`access[_.-]?key|private[_.-]?key|auth[_.-]?key|credential|client[_.-]?secret|` +
  String.raw`signing[_.-]?key`;

/**
 * Key names that contain a secret word but hold no secret: a token's type,
 * a password field's label, a hash of something, a URL to fetch a token.
 */
const NOT_SECRET_NAME = new RegExp(
  String.raw`(?:name|type|id|ids|url|uri|path|file|dir|length|len|size|count|max|min|expires?|` +
    String.raw`expiry|ttl|endpoint|header|field|prefix|suffix|format|pattern|regexp?|label|mode|` +
    String.raw`method|hash|sha\d*|checksum|digest|integrity|hint|placeholder|prompt|message|msg|` +
    String.raw`error|version|index|policy|kind|usage|limit|var|param|source|provider)$` +
    String.raw`|tokeni[sz]e|keyword`,
  'i',
);

/** Boolean-style names (`isToken`, `has_secret`) hold flags, not secrets. */
const FLAG_NAME = /^(?:is|has|no|use|should|enable|disable|show)[A-Z_.-]/;

/** Words joined by `_` or `-` in one case (`MAX_TOKEN_SIZE2`, `api-key-v2`). */
const SNAKE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+$/;

/**
 * True for names made of words (`createO200KSpecialTokenMap`,
 * `defaultToken2`): two or more lower-case runs of four letters or more,
 * a quarter of them vowels, cover half the value. Random keys rarely have
 * such runs.
 */
export function readsAsWords(value: string): boolean {
  let runs = 0;
  let covered = 0;
  for (const [run] of value.matchAll(/[a-z]{4,}/g)) {
    const vowels = run.replace(/[^aeiou]/g, '').length;
    if (vowels * 4 < run.length) continue;
    runs++;
    covered += run.length;
  }
  return runs >= 2 && covered * 2 >= value.length;
}

/**
 * A value that reads like a generated secret: letters and digits mixed, no
 * URL or path, and not a name from code (`process.env.API_KEY`,
 * `MAX_TOKEN_SIZE2`; unquoted also `createTokenMap2`).
 */
function looksGenerated(secret: string, bare: boolean): boolean {
  if (!/[A-Za-z]/.test(secret)) return false;
  if (!/[0-9]/.test(secret) && !lettersOnlyKey(secret)) return false;
  if (/^https?:|:\/\/|^\//.test(secret)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(secret)) return false;
  if (SNAKE_NAME.test(secret) && !/[a-z][A-Z]|[A-Z][a-z][A-Z]/.test(secret)) return false;
  return !bare || !readsAsWords(secret);
}

/**
 * Keys without digits exist (about 1 in 300 random 32-character base62
 * keys); accept them when long, mixed-case, random and not made of words.
 */
function lettersOnlyKey(secret: string): boolean {
  return secret.length >= 20 && /[a-z]/.test(secret) && /[A-Z]/.test(secret) &&
    shannonEntropy(secret) >= 3.7 && !readsAsWords(secret);
}

/**
 * Minimum entropy for a generic value. Hex tops out at 4 bits a character,
 * so it gets a lower floor than base64-like values; short values get a
 * lower one too, since 16 random characters rarely reach 3.5 bits.
 */
function entropyFloor(secret: string): number {
  if (/^[0-9a-f]+$/i.test(secret)) return 3;
  return secret.length < 20 ? 3.25 : 3.5;
}

/**
 * A value strong enough to be a real password rather than a word, a type
 * or an identifier: letters and digits, plus a symbol or both cases
 * (`Tr0ub4dor&3`, `UQnUvZiXH6q5`), not mostly words, not a dotted name
 * from code.
 */
function passwordLike(secret: string): boolean {
  if (!/[A-Za-z]/.test(secret) || !/[0-9]/.test(secret)) return false;
  const symbol = /[^A-Za-z0-9]/.test(secret);
  const mixedCase = /[a-z]/.test(secret) && /[A-Z]/.test(secret);
  if (!symbol && !mixedCase) return false;
  // Words joined with digits (`secret-2-levels`) are test values and labels,
  // and a value that names itself (`password-for-30001`) is an example.
  if (readsAsWords(secret) || /passw(?:or)?d|secret/i.test(secret)) return false;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(secret)) return false;
  return !/^https?:|:\/\//.test(secret);
}

/** True when a generic match's key name is one that holds no secret. */
export function isNonSecretName(name: string): boolean {
  return NOT_SECRET_NAME.test(name) || FLAG_NAME.test(name);
}

/** Secrets assigned to a variable or key whose name says it is one. */
export const GENERIC_RULES: readonly SecretRule[] = [
  {
    id: 'generic-secret',
    description: 'High-entropy value assigned to a secret, token, password or API key name',
    family: 'generic',
    keywords: [
      'secret', 'token', 'password', 'passwd', 'pwd', 'api_key', 'apikey', 'api-key',
      'api.key', 'access_key', 'accesskey', 'access-key', 'private_key', 'privatekey',
      'auth_key', 'authkey', 'credential', 'signing_key', 'signingkey',
    ],
    // Quoted values may follow `:`, `=` or `=>`, XML values sit between tags;
    // unquoted ones must end their line (as in .env and YAML files), which
    // keeps code such as `a = b;` out.
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?<name>[A-Za-z0-9_.-]{0,40}?(?:${SECRET_WORDS})` +
        String.raw`[A-Za-z0-9_.-]{0,20})(?:` +
        String.raw`(?:["'\x60]\s{0,5}(?::|=>|=)|\s{0,5}(?::=|\|\|=|\?\?=|=|:)|>)\s{0,5}` +
        String.raw`(?:(?<q>["'\x60])(?<secret>[A-Za-z0-9_+/=.~@#$%^&*!-]{16,128})\k<q>|` +
        String.raw`(?<secretXml>[A-Za-z0-9_+/=.~@#$%^&*!-]{16,128})(?=\s*<\/)|` +
        String.raw`(?<secretBare>[A-Za-z0-9_+/=~-]{16,128})(?=[ \t]*(?:#.*)?\r?$))` +
        // In a message: "the token is 9fQ2...", "my secret was ...".
        String.raw`|\s+(?:is|was)\s+["'\x60]?(?<secretProse>[A-Za-z0-9_+/=~-]{16,128})` +
        String.raw`(?![A-Za-z0-9_+/=~-]))`,
      'dim',
    ),
    window: { before: 64, after: 200 },
    // Checked in `validate`, with a floor that depends on alphabet and length.
    entropy: 0,
    validate: (secret, match) =>
      shannonEntropy(secret) >= entropyFloor(secret) &&
      looksGenerated(secret, match.groups?.secretBare !== undefined
        || match.groups?.secretProse !== undefined) &&
      !isNonSecretName(match.groups?.name ?? ''),
  },
  {
    // Passwords are shorter and less random than keys (8 to 15 characters
    // escape `generic-secret`), so they get a rule of their own: a quoted or
    // line-ending value given to a password name, or "password is ..." in
    // prose, that has letters, digits and a symbol or both cases.
    id: 'password-assignment',
    description: 'Password written into a configuration, code or a message',
    family: 'generic',
    keywords: ['password', 'passwd', 'pwd'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?<name>[A-Za-z0-9_.-]{0,40}?(?:passw(?:or)?d|pwd)` +
        String.raw`[A-Za-z0-9_.-]{0,20})` +
        String.raw`(?:(?:["'\x60]\s{0,5}(?::|=>|=)|\s{0,5}(?::=|=|:))\s{0,5}` +
        String.raw`(?:(?<q>["'\x60])(?<secret>[^\s"'\x60]{8,64})\k<q>|` +
        String.raw`(?<secretBare>[A-Za-z0-9_+/=.~@#$%^&*!?-]{8,64})(?=[ \t]*(?:#.*)?\r?$))|` +
        String.raw`\s+(?:is|was)\s+(?<secretProse>[A-Za-z0-9_+/=.~@#$%^&*!?-]{8,64})` +
        String.raw`(?![A-Za-z0-9_+/=.~@#$%^&*!?-]))`,
      'dim',
    ),
    window: { before: 64, after: 120 },
    entropy: 0,
    validate: (secret, match) =>
      passwordLike(secret) && !isNonSecretName(match.groups?.name ?? ''),
  },
];
