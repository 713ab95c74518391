import { readFileSync, writeFileSync } from 'node:fs';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { Finding } from './finding.js';

/** A baseline on disk: findings someone has looked at and accepted. */
export interface BaselineFile {
  version: 1;
  findings: { fingerprint: string; ruleId: string; path: string; line: number }[];
}

/**
 * Reads a baseline and returns the set of accepted fingerprints.
 * @throws TokenwardenError `baseline_invalid` when the file cannot be read
 * or is not a baseline.
 */
export function readBaseline(file: string): Set<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenwardenError('baseline_invalid', `Cannot read baseline ${file}: ${reason}`, {
      cause: error,
    });
  }

  const findings = (parsed as Partial<BaselineFile> | null)?.findings;
  if (!Array.isArray(findings)) {
    throw new TokenwardenError('baseline_invalid',
      `Cannot read baseline ${file}: expected {"version": 1, "findings": [...]}`);
  }
  const fingerprints = findings
    .map((entry: unknown) => (entry as { fingerprint?: unknown } | null)?.fingerprint)
    .filter((value): value is string => typeof value === 'string');
  return new Set(fingerprints);
}

/** Writes every finding as accepted. Secrets are not written, only fingerprints. */
export function writeBaseline(file: string, findings: readonly Finding[]): void {
  const baseline: BaselineFile = {
    version: 1,
    findings: findings.map(({ fingerprint, ruleId, path, line }) => ({
      fingerprint, ruleId, path, line,
    })),
  };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
