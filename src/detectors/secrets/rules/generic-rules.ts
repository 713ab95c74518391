import type { SecretRule } from '../secret-rule.js';
import { foundInContext } from './assignment-context.js';
import {
  PASSWORD_KEYWORDS, PASSWORD_WORDS, SECRET_KEYWORDS, SECRET_WORDS,
} from './secret-names.js';
import { isJwt } from './token-rules.js';
import { generatedKey, passwordLike } from './value-shapes.js';

/*
 * Both generic rules find `name <separator> value` where the name holds a
 * secret word. The pattern is built from the pieces below; which piece
 * matched is read back from its named group by `foundInContext`, which
 * decides whether the value may end mid-line or follow a bare space.
 */

/**
 * A secret word and the rest of its key name (`API_KEY`, `--db-password`).
 * The pattern starts at the word, a set of literals the regex engine tests
 * quickly at each character; the part of the name before the word
 * (`DB_`, `client`) is read back by `matchedName`. Starting at the name
 * instead cost a try of up to 40 prefix lengths at every word boundary.
 */
function nameOf(words: string): string {
  return String.raw`(?<nameWord>${words})(?<nameRest>[A-Za-z0-9_.-]{0,20})`;
}

/**
 * Separators any value may follow: a quoted name (`"token":`, `'pw' =>`,
 * a subscript `["TOKEN"] =` or `['X'] ||=`), or an unquoted one (`=`, `:`,
 * `:=`, `||=`, `??=`, Ruby's and Perl's `=>`).
 */
const SEPARATOR = String.raw`(?<sep>["'\x60]\]?\s{0,5}(?:\|\|=|\?\?=|=>|=(?!=)|:)|` +
  String.raw`\s{0,5}(?::=|\|\|=|\?\?=|=>|=(?!=)|:))`;

/**
 * Separators only a quoted value may follow: a typed declaration
 * (`API_TOKEN: str =`, `token: &'static str =`, Go's `pw string =`), a call
 * with the name and the value as arguments (`define('DB_PASSWORD', '...')`,
 * `os.Setenv("API_KEY", "...")`), an XML attribute pair
 * (`<add key="ApiKey" value="..."/>`).
 */
const QUOTED_ONLY_SEPARATOR = String.raw`(?<sepQuoted>` +
  String.raw`\s{0,5}:\s{0,5}&?(?:'static\s+)?[A-Za-z_][\w:<>[\]]{0,24}\s{0,5}=(?![=>])|` +
  String.raw`\s+(?:string|str)\s{0,5}=(?![=>])|` +
  String.raw`["'\x60]\s{0,5},\s{0,16}|["']\s+value\s*=)`;

/** Spaces alone: a `--flag value`, `#define NAME "value"` or `  password value` line. */
const SPACE_SEPARATOR = String.raw`(?<sepSpace>[ \t]+)`;

/**
 * What may sit between the separator and a quoted value: Objective-C's `@`,
 * a Python or C++ string prefix, or a conversion that only wraps the literal
 * (Rust's `String::from(...)`, Go's `[]byte(...)`).
 */
const LITERAL_WRAPPER = String.raw`(?:@|[bru]{1,2}(?=["'])|` +
  String.raw`(?:String::from|SecretString::new|Secret::new|Some|String|\[\]byte)\(\s{0,3})?`;

/** Optional words between a name and "is" in a message: "password for the staging db is". */
const PROSE_QUALIFIER = String.raw`(?:(?:for|of|on|to)\s+(?:(?:the|my|our|this)\s+)?` +
  String.raw`[\w.@-]{1,30}(?:\s+[\w.@-]{1,30})?\s+)?`;

/** The verb of a message: "is", "was", "was changed to", "has been reset to". */
const PROSE_VERB = String.raw`(?:(?:is|was|has\s+been)\s+` +
  String.raw`(?:(?:changed|set|reset|updated)\s+to\s+)?|(?:changed|set|reset|updated)\s+to\s+)`;

/** Character classes and lengths of the value forms of one rule. */
interface ValueShape {
  /** Inside quotes, with the length range, e.g. `[^\s"']{8,64}`. */
  quoted: string;
  /** Between XML tags. */
  xml: string;
  /** Unquoted: one class, and the length range. */
  bare: string;
  bareLength: string;
  /** In a message after "is": the length of all but the last character, e.g. `{7,63}`. */
  proseLength: string;
  /** The class of the last character: the bare class without `.`, so a full stop is not kept. */
  proseLast: string;
}

/** The whole pattern of a generic rule for the name `words` and the value `shape`. */
function assignmentPattern(words: string, shape: ValueShape): RegExp {
  const bareValue = `${shape.bare}${shape.bareLength}`;
  const value = String.raw`(?:${LITERAL_WRAPPER}(?<q>["'\x60])(?<secret>${shape.quoted})\k<q>|` +
    // Not `(?<eol>...)?`: an optional group that matches nothing is left unset.
    String.raw`(?<secretBare>${bareValue})(?!${shape.bare})(?:(?<eol>[ \t]*(?:#.*)?\r?$)|))`;
  return new RegExp(nameOf(words) + '(?:' + [
    String.raw`(?:${SEPARATOR}|${SPACE_SEPARATOR})\s{0,5}${value}`,
    String.raw`${QUOTED_ONLY_SEPARATOR}\s{0,5}${LITERAL_WRAPPER}(?<qq>["'\x60])` +
      String.raw`(?<secretQuoted>${shape.quoted})\k<qq>`,
    String.raw`(?:["']\s*)?>(?<secretXml>${shape.xml})(?=\s*<\/)`,
    // In a message: "the token is 9fQ2...", "my password was ...".
    String.raw`\s+${PROSE_QUALIFIER}${PROSE_VERB}["'\x60]?` +
      String.raw`(?<secretProse>${shape.bare}${shape.proseLength}${shape.proseLast})` +
      String.raw`(?!${shape.proseLast}|\.${shape.bare})`,
  ].join('|') + ')', 'dim');
}

/** Three base64url parts starting `eyJ`: a JWT, judged as the `jwt` rule judges it. */
const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/;

/**
 * A generated key, unless it is shaped like a JWT that the `jwt` rule
 * turns down (unsigned `alg: none`, the documentation sample).
 */
function genericKey(secret: string, bare: boolean): boolean {
  return JWT_SHAPE.test(secret) ? isJwt(secret) : generatedKey(secret, bare);
}

/**
 * True when the value came unquoted, from prose or after a bare space
 * (`#define NAME "..."` also names other macros): words then count against it.
 */
function unquoted(match: RegExpExecArray): boolean {
  const { secretBare, secretProse, sepSpace } = match.groups ?? {};
  return secretBare !== undefined || secretProse !== undefined || sepSpace !== undefined;
}

/** Secrets assigned to a variable or key whose name says it is one. */
export const GENERIC_RULES: readonly SecretRule[] = [
  {
    id: 'generic-secret',
    description: 'High-entropy value assigned to a secret, token, password or API key name',
    family: 'generic',
    keywords: SECRET_KEYWORDS,
    // Quoted values may hold any symbol but a quote, a space or a backslash
    // (Django keys hold parentheses); unquoted ones are base64-like and must
    // end their line, or end where a shell or a command line ends them.
    pattern: assignmentPattern(SECRET_WORDS, {
      quoted: String.raw`[^\s"'\x60\\]{16,128}`,
      xml: String.raw`[A-Za-z0-9_+/=.~@#$%^&*!-]{16,128}`,
      bare: String.raw`[A-Za-z0-9_+/=~-]`,
      bareLength: '{16,128}',
      proseLength: '{15,127}',
      proseLast: String.raw`[A-Za-z0-9_+/=~-]`,
    }),
    window: { before: 64, after: 200 },
    // Checked in `validate`, with a floor that depends on alphabet and length.
    entropy: 0,
    validate: (secret, match) => foundInContext(match) && genericKey(secret, unquoted(match)),
  },
  {
    // Passwords are shorter and less random than keys (8 to 15 characters
    // escape `generic-secret`), so they get a rule of their own: a value
    // given to a password name, or "password is ..." in prose, that has
    // letters, digits and a symbol or both cases.
    id: 'password-assignment',
    description: 'Password written into a configuration, code or a message',
    family: 'generic',
    keywords: PASSWORD_KEYWORDS,
    pattern: assignmentPattern(PASSWORD_WORDS, {
      quoted: String.raw`[^\s"'\x60]{8,64}`,
      xml: String.raw`[^\s<>"'\x60]{8,64}`,
      bare: String.raw`[A-Za-z0-9_+/=.~@#$%^&*!?-]`,
      bareLength: '{8,64}',
      proseLength: '{7,63}',
      proseLast: String.raw`[A-Za-z0-9_+/=~@#$%^&*!?-]`,
    }),
    window: { before: 64, after: 160 },
    entropy: 0,
    validate: (secret, match) => foundInContext(match) && passwordLike(secret),
  },
];
