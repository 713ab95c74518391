import type { Finding } from './finding.js';
import type { ScanStats } from './scan-stats.js';

/**
 * One JSON document: `{"findings": [...], "stats": {...}}` with snake_case
 * names, as every `--format json` output of tokenwarden.
 */
export function formatJson(findings: readonly Finding[], stats: ScanStats): string {
  const document = {
    findings: findings.map((finding) => ({
      rule_id: finding.ruleId,
      description: finding.description,
      kind: finding.kind,
      path: finding.path,
      line: finding.line,
      column: finding.column,
      end_column: finding.endColumn,
      redacted: finding.redacted,
      fingerprint: finding.fingerprint,
      ...(finding.commit
        ? {
          commit: finding.commit.sha,
          author: finding.commit.author,
          date: finding.commit.date,
        }
        : {}),
    })),
    stats: {
      files: stats.files,
      bytes: stats.bytes,
      commits: stats.commits,
      skipped_binary: stats.skippedBinary,
      skipped_large: stats.skippedLarge,
      unreadable: stats.unreadable,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
