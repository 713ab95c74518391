import { detectSecrets } from '../detectors/secrets/detect-secrets.js';
import type { CommitInfo, Finding } from './finding.js';
import { fingerprint } from './fingerprint.js';
import { LineIndex } from './line-index.js';
import { isLockFile, isLockFileHash } from './lock-files.js';
import { type InjectionDetector, isPromptLike } from './prompt-check.js';
import { redact } from './redact.js';

/** The inline marker that suppresses findings on its line. */
export const ALLOW_MARKER = 'tokenwarden:allow';

/** Injection score from which a prompt-like file is reported. */
export const INJECTION_THRESHOLD = 0.5;

/** Texts above this size skip the injection check (it is slower than the secret scan). */
const INJECTION_MAX_CHARS = 256 * 1024;

/**
 * Evidence kinds reported only in `.prompt` files. In documentation and
 * data files they mostly flag prose (the classifier reads a whole README as
 * one prompt), badge images (`exfil_link`) and embedded base64 (`encoded`).
 */
const PROMPT_FILE_ONLY = new Set(['injection.classifier', 'injection.exfil_link',
  'injection.encoded']);

/** One text to scan: a file's content or the lines a commit added to a file. */
export interface TextSource {
  /** Relative path with forward slashes. */
  path: string;
  text: string;
  /** Real line number of each line of `text` (diffs); default: 1, 2, 3... */
  lineNumbers?: readonly number[];
  commit?: CommitInfo;
}

/** Options of {@link scanText}. */
export interface ScanTextOptions {
  /** Runs on prompt-like files when given. */
  injection?: InjectionDetector;
}

/**
 * Scans one text for credentials and, in prompt-like files, injected
 * instructions. Applies the lock-file and inline-allow exceptions.
 */
export function scanText(source: TextSource, options: ScanTextOptions = {}): Finding[] {
  const matches = detectSecrets(source.text);
  const injection = injectionSpans(source, options.injection);
  if (matches.length === 0 && injection.length === 0) return [];

  const lines = new LineIndex(source.text);
  const occurrences = new Map<string, number>();
  const findings: Finding[] = [];
  const lockFile = isLockFile(source.path);

  for (const match of matches) {
    const value = source.text.slice(match.start, match.end);
    if (lockFile && isLockFileHash(value)) continue;
    const finding = locate(source, lines, match.start, value);
    if (!finding) continue;

    const key = `${match.ruleId}\0${value}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    findings.push({
      ...finding,
      ruleId: match.ruleId,
      description: match.description,
      kind: 'secret',
      redacted: redact(value),
      fingerprint: fingerprint(match.ruleId, source.path, value, occurrence),
    });
  }

  for (const span of injection) {
    const excerpt = source.text.slice(span.start, span.end);
    const finding = locate(source, lines, span.start, excerpt);
    if (!finding) continue;
    findings.push({
      ...finding,
      ruleId: 'prompt-injection',
      description: `Prompt injection (${span.ruleId})`,
      kind: 'prompt-injection',
      redacted: excerptOf(excerpt),
      fingerprint: fingerprint(`prompt-injection/${span.ruleId}`, source.path, excerpt),
    });
  }
  return findings;
}

type Located = Pick<Finding, 'path' | 'line' | 'column' | 'endColumn' | 'commit'>;

/** Position of a value; undefined when its line carries the allow marker. */
function locate(
  source: TextSource,
  lines: LineIndex,
  start: number,
  value: string,
): Located | undefined {
  const { line, column } = lines.position(start);
  const lineText = lines.lineText(line);
  if (lineText.includes(ALLOW_MARKER)) return undefined;

  const newline = value.indexOf('\n');
  const endColumn = newline === -1 ? column + value.length : lineText.length + 1;
  const realLine = source.lineNumbers?.[line - 1] ?? line;
  return { path: source.path, line: realLine, column, endColumn, commit: source.commit };
}

/** The flagged passages of a prompt-like file whose score reaches the threshold. */
function injectionSpans(
  source: TextSource,
  detect: InjectionDetector | undefined,
): readonly { ruleId: string; start: number; end: number }[] {
  if (!detect || !isPromptLike(source.path)) return [];
  if (source.text.length > INJECTION_MAX_CHARS) return [];
  // Outside .prompt files the classifier's verdict is not reported, so it is not computed.
  const promptFile = source.path.toLowerCase().endsWith('.prompt');
  const result = detect(source.text, { classifier: promptFile });
  if (result.score < INJECTION_THRESHOLD) return [];
  if (promptFile) return result.findings;
  return result.findings.filter((finding) => !PROMPT_FILE_ONLY.has(finding.ruleId));
}

/** A short one-line excerpt of injected text, for display. */
function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 40)}...` : line;
}
