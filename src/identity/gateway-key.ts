import { createHash, randomBytes } from 'node:crypto';

export const KEY_PREFIX = 'tw-';

/** Makes a new gateway key: `tw-` and 32 random bytes in base64url. */
export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Makes a key id: `key_` and 12 random hex characters. */
export function generateKeyId(): string {
  return `key_${randomBytes(6).toString('hex')}`;
}

/**
 * Hashes a key for storage and lookup. Keys carry 256 random bits, so a plain
 * SHA-256 cannot be reversed or guessed; a slow password hash would only
 * cost latency on every request.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The part of a key shown in lists: `tw-` and six characters. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
