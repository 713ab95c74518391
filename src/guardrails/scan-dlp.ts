import { detectSecrets } from '../detectors/secrets/detect-secrets.js';
import type { TextMatch } from './finding.js';
import { detectPii, dropOverlaps } from './pii/detect-pii.js';
import type { CompiledPolicy } from './policy.js';

/**
 * Credentials (the shared secret detectors) and personal data in one text,
 * as the policy enables them. Secret matches win over overlapping personal
 * data (a key may contain digits that look like a phone number).
 * @returns non-overlapping matches, each labelled for redaction.
 */
export function scanDlp(text: string, compiled: CompiledPolicy): TextMatch[] {
  const { policy } = compiled;
  const matches: TextMatch[] = [];

  if (policy.secrets.action !== 'off') {
    for (const secret of detectSecrets(text)) {
      matches.push({ ruleId: `secret.${secret.ruleId}`, kind: 'secret', start: secret.start,
        end: secret.end, redactAs: 'SECRET' });
    }
  }

  if (policy.pii.action !== 'off') {
    for (const item of detectPii(text, compiled.customPatterns)) {
      if (compiled.disabledPii.has(item.ruleId)) continue;
      if (matches.some((m) => m.start < item.end && item.start < m.end)) continue;
      matches.push({ ruleId: item.ruleId, kind: 'pii', start: item.start, end: item.end,
        redactAs: item.type });
    }
  }
  return dropOverlaps(matches);
}
