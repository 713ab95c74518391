/**
 * Values that look like secrets but are not: placeholders people write in
 * samples and docs, template references, and integrity hashes. Shared by
 * every rule; rule-specific exceptions live on the rule itself.
 */

const PLACEHOLDERS: readonly RegExp[] = [
  /x{4,}|X{4,}|\*{3,}|#{4,}|\.{3,}|…/,
  /your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)/i,
  /(?:key|token|secret|password)[_-]?here/i,
  /example|placeholder|changeme|change[_-]me|redacted|sample|insert[_-]?(?:your|key|token)/i,
  // Short words only as whole words: inside random keys they turn up by chance.
  /(?:^|[^A-Za-z0-9])(?:fake|dummy|your|test(?:ing)?[_-]?key)(?:[^A-Za-z0-9]|$)/i,
  /^<[^>]*>$|<[A-Za-z_][\w -]*>/,
  /\$\{[^}]*\}|\{\{[^}]*\}\}|%\([\w]+\)s|^\$[A-Z_][A-Z0-9_]*$|^%[A-Z_]+%$/,
  // Counting runs: docs write `123456:ABC-DEF...`, `abcdefghij`; keys hold them by rare chance.
  /123456|abcdefghij|ABCDEFGHIJ|qwertyuiop/,
];

/** Publicly documented sample keys, joined at run time so no scanner flags this file. */
const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set([
  'AKIA' + 'IOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
  'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_' + 'TYooMQauvdEDq54NiTphI7jx',
  // The Azure Storage emulator's (Azurite's) fixed account key, printed in Microsoft's docs.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/' +
    'K1SZFPTOtr/KBHBeksoGMGw==',
]);

/** Subresource-integrity style hashes (`sha512-...`), as in lock files and HTML. */
const INTEGRITY_HASH = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+={0,2}$/;

/**
 * Stored password hashes in modular crypt form (bcrypt `$2b$`, `$argon2id$`,
 * SHA-crypt `$6$`, Apache `$apr1$`, yescrypt `$y$`), Django's
 * `pbkdf2_sha256$...`, MySQL's `*` and 40 hex digits, PostgreSQL's `md5...`
 * and `SCRAM-SHA-256$...`: seed files, fixtures and SQL dumps hold them
 * under `password`, and no password can be read back from them.
 */
const PASSWORD_HASH = new RegExp(
  String.raw`^\$(?:2[abxy]?|argon2(?:id|i|d)|[1567]|apr1|y|gy|scrypt|pbkdf2(?:-sha\d+)?)\$` +
    String.raw`[./A-Za-z0-9$=,+-]{20,}$|^(?:pbkdf2_sha\d+|bcrypt_sha256|argon2|scrypt)\$\S{20,}$|` +
    String.raw`^\*[0-9A-F]{40}$|^md5[0-9a-f]{32}$|^SCRAM-SHA-256\$\S{20,}$`,
);

/**
 * True when `secret` is a placeholder, a documented example, an integrity
 * hash or a password hash rather than a credential.
 */
export function isAllowedValue(secret: string): boolean {
  if (DOCUMENTED_EXAMPLES.has(secret)) return true;
  if (INTEGRITY_HASH.test(secret) || PASSWORD_HASH.test(secret)) return true;
  return PLACEHOLDERS.some((pattern) => pattern.test(secret));
}

/** A run of one character repeated (e.g. `aaaaaa`, `000000`) inside `secret`. */
export function hasLongRepeat(secret: string, run = 6): boolean {
  let count = 1;
  for (let i = 1; i < secret.length; i++) {
    count = secret.charCodeAt(i) === secret.charCodeAt(i - 1) ? count + 1 : 1;
    if (count >= run) return true;
  }
  return false;
}
