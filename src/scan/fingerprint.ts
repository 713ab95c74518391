import { createHash } from 'node:crypto';

/**
 * A finding's stable id: SHA-256 over the rule, the path and a hash of the
 * matched value. It leaves out the line number, so moving unrelated lines
 * keeps baselines and code-scanning alerts attached; `occurrence` (from 1)
 * tells apart the same value found twice in one file.
 */
export function fingerprint(
  ruleId: string,
  path: string,
  value: string,
  occurrence = 1,
): string {
  const valueHash = createHash('sha256').update(value).digest('hex');
  const hash = createHash('sha256')
    .update(`${ruleId}\0${path}\0${valueHash}`)
    .digest('hex')
    .slice(0, 32);
  return occurrence > 1 ? `${hash}:${occurrence}` : hash;
}
