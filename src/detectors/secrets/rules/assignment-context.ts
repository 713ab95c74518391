import { hasSecretWord, isNonSecretName } from './secret-names.js';

/**
 * Where a generic match may stand. An unquoted value normally ends its line
 * (`.env`, YAML, properties), which keeps code such as `token = a + b`
 * out; the checks below admit the few places where an unquoted value ends
 * mid-line or follows a bare space, and where its end is still certain.
 */

/**
 * Characters that end an unquoted value after a tight `NAME=value`. Not
 * `&`: query strings in docs and tests are full of sample tokens
 * (`oauth_token=lsdkfol23w54jlksdef&...`); URL rules cover real ones.
 */
const TIGHT_END = /^[\s;,)"'\x60]$/;

/** What may precede a `NAME value` line: indentation, `#define`, `ENV`, `SetEnv`, `export`. */
const SPACED_LINE_START = /^[ \t]*(?:#[ \t]*define[ \t]+|(?:export|ENV|SetEnv|setenv)[ \t]+)?$/;

/** After a quoted `NAME "value"`: the end of the line, a `;` or a comment. */
const LINE_REST = /^[ \t]*;?[ \t]*(?:(?:\/\/|#).*)?$/;

/** The text of the line holding `offset`, before it. */
function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/** The text of the line holding `offset`, from it on. */
function lineAfter(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
}

/** Characters of a key name (`client_secret`, `db.password`, `--api-key`). */
function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;
}

/** True for a letter or a digit. */
function isAlphanumeric(code: number): boolean {
  return isNameChar(code) && code !== 95 && code !== 46 && code !== 45;
}

/** A generic match's whole key name and where it starts in `match.input`. */
interface MatchedName {
  name: string;
  start: number;
}

/**
 * The key name of a generic match: up to 40 name characters before the
 * secret word, starting after a character that is not a letter or a digit
 * (`DB_` of `DB_PASSWORD`, `client` of `clientSecret`), then the word and
 * the rest the pattern matched.
 */
function matchedName(match: RegExpExecArray): MatchedName {
  const { input, index } = match;
  let start = index;
  const limit = Math.max(0, index - 40);
  while (start > limit && isNameChar(input.charCodeAt(start - 1))) start--;
  while (start < index && start > 0 && isAlphanumeric(input.charCodeAt(start - 1))) start++;
  const word = match.groups?.nameWord ?? '';
  return { name: input.slice(start, index) + word + (match.groups?.nameRest ?? ''), start };
}

/** True for a command-line flag (`--api-key`, `-password`). */
function isFlag(name: string): boolean {
  return name.startsWith('-');
}

/**
 * `NAME value` with spaces alone: a flag (`--token abc`), or a line of its
 * own (`#define API_KEY "..."`, `  password abc` in `.netrc`, `ENV TOKEN abc`)
 * whose value ends the line.
 */
function spacedOk(match: RegExpExecArray, name: MatchedName): boolean {
  if (isFlag(name.name)) return true;
  const before = lineBefore(match.input, name.start);
  if (!SPACED_LINE_START.test(before)) return false;
  if (match.groups?.secretBare !== undefined) {
    // A C macro's unquoted value is an identifier or a number; strings are quoted.
    return match.groups.eol !== undefined && !before.includes('define');
  }
  return LINE_REST.test(lineAfter(match.input, match.index + match[0].length));
}

/**
 * An unquoted value that does not end its line ends where a shell or a
 * list ends it: after a tight `NAME=value` (`API_TOKEN=... npm start`,
 * `-e PASSWORD=... -d`, `password=... host=db`), after a flag, or
 * at the quote that opened before the name (`"API_KEY=..."`,
 * `-H 'X-API-Key: ...'`).
 */
function midLineEndOk(match: RegExpExecArray, name: MatchedName): boolean {
  const { input, index } = match;
  const next = input.charAt(index + match[0].length);
  const before = input.charAt(name.start - 1);
  if (next === '' || (before !== '' && `"'\x60`.includes(before) && next === before)) return true;
  if (isFlag(name.name) && /^[\s"'\x60]$/.test(next)) return true;
  const valueStart = match.indices?.groups?.secretBare?.[0] ?? 0;
  return match.groups?.sep === '=' && input.charAt(valueStart - 1) === '=' && TIGHT_END.test(next);
}

/**
 * A name and a value as a call's first two arguments (`define('DB_PASSWORD',
 * '...')`): the quoted name opens the call, so a list of strings
 * (`['token', 'getBpeRank']`, `['a.password', 'b.password']`) is not one.
 */
function callPairOk(match: RegExpExecArray, name: MatchedName): boolean {
  const before = lineBefore(match.input, name.start);
  const quote = match.groups?.sepQuoted?.charAt(0) ?? '';
  return before.endsWith(quote) && /\(\s*$/.test(before.slice(0, -1));
}

/**
 * True when a generic match's name holds a real secret word, is not one of
 * the names that hold something else, and its value's end is certain.
 */
export function foundInContext(match: RegExpExecArray): boolean {
  const groups = match.groups ?? {};
  const name = matchedName(match);
  if (!hasSecretWord(name.name) || isNonSecretName(name.name)) return false;
  if (groups.sepSpace !== undefined && !spacedOk(match, name)) return false;
  if (groups.sepQuoted !== undefined && /^["'\x60]\s*,/.test(groups.sepQuoted) &&
    !callPairOk(match, name)) return false;
  if (groups.secretBare !== undefined && groups.eol === undefined) {
    return midLineEndOk(match, name);
  }
  return true;
}
