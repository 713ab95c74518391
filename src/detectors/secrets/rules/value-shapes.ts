import { shannonEntropy } from '../entropy.js';

/**
 * Checks on the shape of a value found next to a secret-looking name: is it
 * generated like a key, chosen like a password, or code, a reference or a
 * well-known default that only looks like one? Shared by the generic rules
 * and the rules for command lines, SQL and encoded values.
 */

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

/** Words joined by `_` or `-` in one case (`MAX_TOKEN_SIZE2`, `api-key-v2`). */
const SNAKE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+$/;

/** A dotted name or property path from code (`process.env.API_KEY`, `users[1].password`). */
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\[['"]?\w+['"]?\])+$/;

/** A number in code (`0xce534356UL`, `1e10`), not a key. */
const NUMBER_LITERAL = /^(?:0[xX][0-9A-Fa-f]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[uUlLfF]{0,3}$/;

/** A value that names what it is (`setAttr-Token-B0Prime`, `my-secret-v2`): a label. */
const SELF_NAMING = /token|secret|passw(?:or)?d|api[_-]?key/i;

/** A regular expression's character class with a range (`[A-Za-z0-9._~+/-]+=*`). */
const CHARACTER_CLASS = /\[\^?[^\]]*[A-Za-z0-9]-[A-Za-z0-9][^\]]*\]/;

/**
 * Values that point at a secret or hold it encrypted instead of holding it:
 * a call or an encrypted envelope that spans the value (`ENC(...)`,
 * `%env(DB_PASS)%`, `ENC[AES256_GCM,...]`, `{cipher}...`), a `scheme:`
 * reference (`vault:v1:...`, `data:image/png;base64,...`, `arn:aws:...`),
 * a shell or template expansion, or a path. Quoted values may hold any
 * symbol (Django keys hold parentheses), so each form is anchored where a
 * random key would match it only by rare chance.
 */
const REFERENCE = new RegExp([
  String.raw`^[%@]?[A-Za-z_][\w.:$-]*[([].*[)\]]%?$`,
  String.raw`^\[.*\]$|^\{.*\}$|^\{[a-z]+\}`,
  String.raw`^[a-z][a-z0-9+.-]{1,20}:(?!\/\/)\D`,
  String.raw`\$\(\w[\w -]*\)|#\{[^}]*\}|<%|:\/\/`,
  String.raw`^(?:\.{0,2}|~)\/`,
].join('|'));

/**
 * True when a value refers to a secret held elsewhere (see {@link REFERENCE})
 * or is a pattern that describes secrets rather than one.
 */
function isReference(value: string): boolean {
  return REFERENCE.test(value) || CHARACTER_CLASS.test(value);
}

/**
 * A value that reads like a generated secret: letters and digits mixed, no
 * URL, path or reference, and not a name from code
 * (`process.env.API_KEY`, `MAX_TOKEN_SIZE2`; unquoted also
 * `createTokenMap2`).
 */
function looksGenerated(secret: string, bare: boolean): boolean {
  if (!/[A-Za-z]/.test(secret) || NUMBER_LITERAL.test(secret) || SELF_NAMING.test(secret)) {
    return false;
  }
  if (!/[0-9]/.test(secret) && !lettersOnlyKey(secret)) return false;
  if (/^https?:|:\/\/|^\//.test(secret) || isReference(secret)) return false;
  if (DOTTED_NAME.test(secret)) return false;
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

/** A generated key: random enough for its alphabet and length, see {@link looksGenerated}. */
export function generatedKey(secret: string, bare: boolean): boolean {
  return shannonEntropy(secret) >= entropyFloor(secret) && looksGenerated(secret, bare);
}

/**
 * Passwords that tutorials, vendor defaults and docs print; a value from
 * this list is an example, not a leak.
 */
const DEFAULT_PASSWORDS = new RegExp(
  String.raw`^(?:p[@a]ss?w[o0]rd|p[@a]55w[o0]rd|pa\$\$w[o0]rd)[0-9!]{0,4}$|` +
    String.raw`^(?:admin|welcome|qwerty|letmein|changeit|s3cr3t|secret)[0-9!@#]{0,5}$`,
  'i',
);

/**
 * Default or example passwords of URLs, connection strings and command
 * lines (`postgres://user:password@`, `guest:guest`, Oracle's `scott/tiger`).
 */
export const WELL_KNOWN_PASSWORDS: readonly RegExp[] = [
  /^(?:pass(?:word)?|passwd|pwd|secret|user(?:name)?|root|admin|test|guest|postgres|mysql)$/i,
  /^(?:redis|mongo|rabbit|rabbitmq|default|demo|none|null|empty|\*+|x+|tiger|foobared)$/i,
  // Whole words only: `pwd` or `pass` also occur by chance inside random passwords.
  /password|passwd|secret/i,
  DEFAULT_PASSWORDS,
];

/** True for a default or example password (see {@link WELL_KNOWN_PASSWORDS}). */
export function isWellKnownPassword(value: string): boolean {
  return WELL_KNOWN_PASSWORDS.some((pattern) => pattern.test(value));
}

/**
 * A password given where the context leaves no doubt (`mysql -p...`,
 * `curl -u user:...`, `IDENTIFIED BY '...'`): not a variable or a
 * reference, not a default, and with a digit or a symbol beside its letters
 * (`root`, `secret` and other words are examples) unless it is a long
 * random key. Words count against it only without a digit
 * (`[path/]filename` in a usage line): random passwords of 14 characters
 * often hold two runs that pass for words.
 */
export function plausiblePassword(value: string): boolean {
  if (value.length < 6 || /^[$%]|^\*+$/.test(value) || isReference(value)) return false;
  if (isWellKnownPassword(value) || !/[A-Za-z]/.test(value)) return false;
  if (!/[0-9]/.test(value) && readsAsWords(value)) return false;
  if (!/[^A-Za-z]/.test(value) && !lettersOnlyKey(value)) return false;
  return shannonEntropy(value) >= 2.5;
}

/**
 * A value strong enough to be a real password rather than a word, a type
 * or an identifier: letters and digits, plus a symbol or both cases
 * (`Tr0ub4dor&3`, `UQnUvZiXH6q5`), not mostly words, not a dotted name
 * from code, a reference, a path or a well-known default.
 */
export function passwordLike(secret: string): boolean {
  if (!/[A-Za-z]/.test(secret) || !/[0-9]/.test(secret)) return false;
  const symbol = /[^A-Za-z0-9]/.test(secret);
  const mixedCase = /[a-z]/.test(secret) && /[A-Z]/.test(secret);
  if (!symbol && !mixedCase) return false;
  // Words joined with digits (`secret-2-levels`) are test values and labels,
  // and a value that names itself (`password-for-30001`) is an example.
  if (readsAsWords(secret) || /passw(?:or)?d|secret/i.test(secret)) return false;
  if (DOTTED_NAME.test(secret) || isReference(secret) || NUMBER_LITERAL.test(secret)) return false;
  if (DEFAULT_PASSWORDS.test(secret)) return false;
  return !/^https?:|:\/\//.test(secret);
}
