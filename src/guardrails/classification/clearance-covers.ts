/** The levels used when the configuration names none, lowest first. */
export const DEFAULT_LEVELS: readonly string[] = ['public', 'internal', 'confidential', 'secret'];

/**
 * True when a provider (or key) cleared for `clearance` may receive data
 * of `level`. No clearance means the lowest level only. An unknown level
 * or clearance is covered only by itself: unknown names fail closed.
 */
export function clearanceCovers(clearance: string | undefined, level: string,
  levels: readonly string[] = DEFAULT_LEVELS): boolean {
  const wanted = levels.indexOf(level);
  if (clearance === undefined) return wanted === 0;
  if (clearance === level) return true;

  const granted = levels.indexOf(clearance);
  return granted >= 0 && wanted >= 0 && granted >= wanted;
}
