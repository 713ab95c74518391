import type { SecretMatch } from './detect-secrets.js';

/** A match before overlaps are settled, with its rule's rank (lower wins). */
export type Candidate = SecretMatch & { priority: number };

/**
 * Keeps one match per stretch of text: the most specific rule wins. Works
 * cluster by cluster (matches chained by overlap), so a file with many
 * separate findings costs O(n log n), not O(n^2).
 */
export function resolveOverlaps(candidates: Candidate[]): SecretMatch[] {
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;

  for (const candidate of candidates) {
    if (candidate.start >= clusterEnd && cluster.length > 0) {
      kept.push(...pickByPriority(cluster));
      cluster = [];
    }
    cluster.push(candidate);
    clusterEnd = Math.max(clusterEnd, candidate.end);
  }
  kept.push(...pickByPriority(cluster));

  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return kept.map(({ ruleId, description, start, end }) => ({ ruleId, description, start, end }));
}

/** Within one cluster: earliest rule first, dropping what overlaps a kept match. */
function pickByPriority(cluster: Candidate[]): Candidate[] {
  if (cluster.length < 2) return cluster;
  const ordered = [...cluster].sort((a, b) => a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  return kept;
}
