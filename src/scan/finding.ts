/** Where a finding from git history came from. */
export interface CommitInfo {
  sha: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
}

/** What the scanner reports: one credential or one injected-prompt passage. */
export interface Finding {
  ruleId: string;
  description: string;
  kind: 'secret' | 'prompt-injection';
  /** Relative path with forward slashes. */
  path: string;
  /** 1-based line of the finding's first character. */
  line: number;
  /** 1-based UTF-16 column of the first character. */
  column: number;
  /** 1-based UTF-16 column just past the finding on its first line. */
  endColumn: number;
  /** The matched value with all but its first characters masked. */
  redacted: string;
  /** Stable id: does not change when unrelated lines move. */
  fingerprint: string;
  /** Set when the finding comes from a commit (history scan). */
  commit?: CommitInfo;
}
