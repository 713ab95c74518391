import type { IncomingHttpHeaders } from 'node:http';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { hashKey, KEY_PREFIX } from '../identity/gateway-key.js';
import { keyState, type Identity } from '../identity/key-record.js';
import type { KeyStore } from '../storage/storage.js';

/** The gateway key a request carries: `Authorization: Bearer` or `x-api-key`. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 ? apiKey.trim() : undefined;
}

/**
 * Finds the identity behind a request's key. Only the key's hash is looked
 * up; the key itself is never stored or logged.
 *
 * @throws TokenwardenError `missing_api_key`, `invalid_api_key`,
 *   `key_revoked` or `key_expired`.
 */
export async function authenticate(keys: KeyStore, headers: IncomingHttpHeaders,
  now = new Date()): Promise<Identity> {
  const presented = presentedKey(headers);
  if (!presented) {
    throw new TokenwardenError('missing_api_key',
      'Send a gateway key as "Authorization: Bearer tw-..." or "x-api-key: tw-..."');
  }
  const key = presented.startsWith(KEY_PREFIX)
    ? await keys.findByHash(hashKey(presented))
    : undefined;
  if (!key) throw new TokenwardenError('invalid_api_key');

  const state = keyState(key, now);
  if (state === 'revoked') throw new TokenwardenError('key_revoked');
  if (state === 'expired') throw new TokenwardenError('key_expired');
  return { keyId: key.id, user: key.user, department: key.department, agent: key.agent };
}
