import type { Finding } from './finding.js';
import { type RuleInfo, ruleCatalogue } from './rule-catalogue.js';

/** Where users read about the tool; shown by code-scanning UIs. */
export const TOOL_INFORMATION_URI = 'https://github.com/tokenwarden/tokenwarden';

/** GitHub code scanning keeps at most this many results per run. */
const MAX_RESULTS = 25_000;

/**
 * A SARIF 2.1.0 log with one run, as GitHub code scanning accepts it:
 * every rule in `tool.driver.rules`, one result per finding located by a
 * relative URI, and a partial fingerprint that survives moved lines.
 */
export function formatSarif(findings: readonly Finding[], toolVersion: string): string {
  const rules = ruleCatalogue();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'tokenwarden',
          version: toolVersion,
          semanticVersion: toolVersion,
          informationUri: TOOL_INFORMATION_URI,
          rules: rules.map(sarifRule),
        },
      },
      results: findings.slice(0, MAX_RESULTS).map((finding) => sarifResult(finding, ruleIndex)),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: RuleInfo) {
  const secret = rule.id !== 'prompt-injection';
  const help = secret
    ? `Remove the credential from the file, revoke it at its issuer and load it from the ` +
      `environment or a secret store instead. If it is not a secret, add ` +
      `\`tokenwarden:allow\` to the line or accept it with a baseline.`
    : 'Review the passage: it reads as an attempt to override a model\'s instructions.';
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (${rule.family}).` },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: secret ? 'error' : 'warning' },
    properties: {
      tags: ['security', secret ? 'secret' : 'prompt-injection'],
      'security-severity': secret ? '8.0' : '5.0',
    },
  };
}

function sarifResult(finding: Finding, ruleIndex: Map<string, number>) {
  const where = finding.commit ? ` (commit ${finding.commit.sha.slice(0, 12)})` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
    level: finding.kind === 'secret' ? 'error' : 'warning',
    message: { text: `${finding.description}: ${finding.redacted}${where}` },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: encodeUri(finding.path) },
        region: {
          startLine: finding.line,
          startColumn: finding.column,
          endColumn: finding.endColumn,
        },
      },
    }],
    partialFingerprints: { 'tokenwarden/v1': finding.fingerprint },
  };
}

/** A relative path as a URI reference: each segment percent-encoded. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
