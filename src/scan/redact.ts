/**
 * Masks a secret for display: the first four characters (fewer for short
 * values, so at most a quarter shows) then `****`. Enough to tell two keys
 * apart in a report, too little to use either.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}****`;
}
