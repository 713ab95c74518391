import type { KeyStore } from '../storage/storage.js';
import { generateKey, generateKeyId, hashKey, keyPrefix } from './gateway-key.js';
import type { KeyRecord } from './key-record.js';

export interface IssueKeyOptions {
  user: string;
  department: string;
  agent?: string | undefined;
  /** Lifetime in milliseconds; none means the key does not expire. */
  expiresInMs?: number | undefined;
  now?: Date;
}

/**
 * Makes and stores a new key. The returned `key` is the only time the full
 * key exists outside the client: only its hash is stored.
 */
export async function issueKey(keys: KeyStore, options: IssueKeyOptions):
  Promise<{ record: KeyRecord; key: string }> {
  const now = options.now ?? new Date();
  const key = generateKey();
  const record = await keys.create({
    id: generateKeyId(),
    hash: hashKey(key),
    prefix: keyPrefix(key),
    user: options.user,
    department: options.department,
    agent: options.agent ?? null,
    createdAt: now,
    expiresAt: options.expiresInMs === undefined
      ? null : new Date(now.getTime() + options.expiresInMs),
  });
  return { record, key };
}

/** A key as shown in lists and JSON output: never the hash. */
export function describeKey(record: KeyRecord, now = new Date()): Record<string, unknown> {
  const state = record.revokedAt ? 'revoked'
    : record.expiresAt && record.expiresAt <= now ? 'expired' : 'active';
  return {
    id: record.id,
    prefix: record.prefix,
    user: record.user,
    department: record.department,
    agent: record.agent,
    state,
    created_at: record.createdAt.toISOString(),
    expires_at: record.expiresAt?.toISOString() ?? null,
    revoked_at: record.revokedAt?.toISOString() ?? null,
  };
}
