/**
 * One credential rule: the shape shared by every family file in `rules/`.
 * A rule is tried only where one of its keywords occurs, and only on a
 * window of text around that keyword, which keeps the scan linear.
 */
export interface SecretRule {
  /** Stable identifier, used in findings, SARIF and baselines. */
  readonly id: string;
  /** One line saying what the credential is. */
  readonly description: string;
  /** Family shown in the docs table (e.g. "cloud", "AI provider"). */
  readonly family: string;
  /**
   * Lower-case substrings; the rule runs only near one of them. Each keyword
   * should be part of the secret or of the text right before it.
   */
  readonly keywords: readonly string[];
  /**
   * Must carry the `d` flag and a named group `secret` (the value itself);
   * alternatives may name theirs `secretBare` etc.: the first group whose
   * name starts with `secret` and that took part in the match is the value.
   * The `g` flag is added by the detector.
   */
  readonly pattern: RegExp;
  /** Minimum Shannon entropy (bits per character) of the secret; 0 = none. */
  readonly entropy: number;
  /** Characters of text searched before and after a keyword hit. */
  readonly window?: { readonly before: number; readonly after: number };
  /** True when a match may span lines (PEM blocks); else lines bound it. */
  readonly multiline?: boolean;
  /** Extra check on the secret (checksum, structure, key name); false drops it. */
  readonly validate?: (secret: string, match: RegExpExecArray) => boolean;
  /** Set false where the shared placeholder list would misfire (PEM bodies). */
  readonly placeholders?: boolean;
  /** Secrets this rule never reports (placeholders specific to the rule). */
  readonly allow?: readonly RegExp[];
}
