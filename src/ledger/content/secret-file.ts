import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Reads a secret file, or creates it with `make()` and mode 0600 when it does
 * not exist yet. Creation uses the exclusive flag, so two processes starting
 * at once end up with the same secret.
 */
export function readOrCreateSecret(path: string, make: () => string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    writeFileSync(path, make(), { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8');
}
