/**
 * Storage key of the full subtree `index` at `level`. Nodes are keyed by the
 * last leaf they cover, then level, so a scan in key order meets each node
 * right after the leaf that completed it: verification reads the tree and
 * the entries in one pass. Safe up to 2^46 leaves.
 */
export function nodeKey(level: number, index: number): number {
  return ((index + 1) * 2 ** level - 1) * 64 + level;
}
