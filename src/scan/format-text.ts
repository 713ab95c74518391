import type { Finding } from './finding.js';
import type { ScanStats } from './scan-stats.js';

/**
 * Human-readable report: one block per finding, then a summary line.
 * Secrets appear only redacted.
 */
export function formatText(findings: readonly Finding[], stats: ScanStats): string {
  const blocks = findings.map((finding) => {
    const lines = [
      `${finding.path}:${finding.line}:${finding.column}  ${finding.ruleId}  ${finding.redacted}`,
      `    ${finding.description}`,
    ];
    if (finding.commit) {
      const { sha, author, date } = finding.commit;
      lines.push(`    commit ${sha.slice(0, 12)}  ${author}  ${date}`);
    }
    lines.push(`    fingerprint ${finding.fingerprint}`);
    return lines.join('\n');
  });

  const scope = stats.commits > 0 ? `${stats.commits} commits` : `${stats.files} files`;
  const summary = findings.length === 0
    ? `No findings in ${scope}.`
    : `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${scope}.`;
  return [...blocks, summary].join('\n\n') + '\n';
}
