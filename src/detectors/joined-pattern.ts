/**
 * A regular expression too long for one line, written as consecutive pieces
 * of its source. Write the pieces with `String.raw`, so that backslashes stay
 * as they would in a regex literal; a backtick is written `\x60`.
 */
export function joinedPattern(flags: string, ...pieces: string[]): RegExp {
  return new RegExp(pieces.join(''), flags);
}
