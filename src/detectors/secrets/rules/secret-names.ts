/**
 * Key names that say "this value is a credential", and the names that
 * contain such a word yet hold something else. Shared by the generic rules
 * and the rules that find a secret by its name (Kubernetes, Terraform).
 */

/** Key-name words for a password (`DB_PASS`, `passphrase`, `PGPASSWORD`, Redis' `requirepass`). */
export const PASSWORD_WORDS = String.raw`passw(?:or)?d|pwd|pass(?:phrase)?|requirepass|masterauth`;

/** Prefixes that make `key` a secret key (`ENCRYPTION_KEY`, `hmacKey`, `master-key`). */
const SECRET_KEY_PREFIXES = 'encryption|master|session|hmac|jwt|aes|cipher|crypto|shared';

/** Key-name words that mean "this value is a credential"; `api key` also in prose. */
export const SECRET_WORDS = String.raw`secret|token|${PASSWORD_WORDS}|api[ _.-]?key|apikey|` +
  String.raw`access[ _.-]?key|private[_.-]?key|auth[_.-]?key|credential|client[_.-]?secret|` +
  String.raw`signing[_.-]?key|(?:${SECRET_KEY_PREFIXES})[_.-]?key`;

/**
 * Index keywords for the short `pass`: only where it ends a key name
 * (`DB_PASS=`, `smtpPass:`, `"pass":`, `--pass `). The bare word also hits
 * `PassThrough`, `bypass` and `passed`, ten times as often in code.
 */
const PASS_KEYWORDS = ['_pass', '-pass', '.pass', 'pass=', 'pass:', 'pass"', "pass'", 'pass ',
  'pass>', 'passphrase', 'requirepass', 'masterauth'];

/** Keywords of the password rule, lower-case. */
export const PASSWORD_KEYWORDS: readonly string[] = ['password', 'passwd', 'pwd', ...PASS_KEYWORDS];

/** Keywords for the index: each way {@link SECRET_WORDS} is written, lower-case. */
export const SECRET_KEYWORDS: readonly string[] = [
  'secret', 'token', 'password', 'passwd', 'pwd', ...PASS_KEYWORDS, 'api_key', 'apikey', 'api-key',
  'api.key', 'api key', 'access_key', 'accesskey', 'access-key', 'access key', 'private_key',
  'privatekey', 'auth_key', 'authkey', 'credential', 'signing_key', 'signingkey',
  ...SECRET_KEY_PREFIXES.split('|').flatMap((prefix) =>
    ['_key', 'key', '-key', '.key'].map((end) => `${prefix}${end}`)),
];

/**
 * Key names that contain a secret word but hold no secret: a token's type,
 * a password field's label, a hash of something, a URL to fetch a token, a
 * page cursor (`nextPageToken`), an anti-forgery form token (`csrf_token`,
 * Rails' `authenticity_token`, ASP.NET's `__RequestVerificationToken`), a
 * value kept hashed or encrypted.
 */
const NOT_SECRET_NAME = new RegExp(
  String.raw`(?:name|type|id|ids|url|uri|path|file|dir|length|len|size|count|max|min|expires?|` +
    String.raw`expiry|ttl|endpoint|header|field|prefix|suffix|format|pattern|regexp?|label|mode|` +
    String.raw`method|hash|sha\d*|checksum|digest|fingerprint|integrity|hint|placeholder|prompt|` +
    String.raw`message|msg|error|version|index|policy|kind|usage|limit|var|param|source|` +
    String.raw`provider)$|tokeni[sz]e|keyword|(?:page|next|continuation|resume|sync)[_.-]?token|` +
    String.raw`[cx]srf|authenticity|verification[_.-]?token|^(?:hashed|encrypted)[_.-]?`,
  'i',
);

/** Boolean-style names (`isToken`, `has_secret`) hold flags, not secrets. */
const FLAG_NAME = /^(?:is|has|no|use|should|enable|disable|show)[A-Z_.-]/;

/** Words that name a stand-in (`FAKE_TOKEN`, `mockApiKey`, `sample_secret`). */
const STAND_IN_WORDS = new Set(['fake', 'dummy', 'mock', 'example', 'sample', 'placeholder']);

/** The words of an identifier, split at case changes and separators, lower-case. */
function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** True when a generic match's key name is one that holds no secret. */
export function isNonSecretName(name: string): boolean {
  const bare = name.replace(/^-+/, '');
  if (NOT_SECRET_NAME.test(bare) || FLAG_NAME.test(bare)) return true;
  return nameWords(bare).some((word) => STAND_IN_WORDS.has(word));
}

/** {@link SECRET_WORDS} without the short `pass`, which also sits inside other words. */
const LONG_SECRET_WORD = new RegExp(SECRET_WORDS.replace('pass(?:phrase)?|', 'passphrase|'), 'i');

/**
 * True when `name` really holds a secret word: `pass` counts only as a word
 * of its own (`DB_PASS`, `smtpPass`), not inside `compass` or `bypassCache`.
 */
export function hasSecretWord(name: string): boolean {
  return LONG_SECRET_WORD.test(name) || nameWords(name).includes('pass');
}
