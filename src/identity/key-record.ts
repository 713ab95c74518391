/** A gateway key as stored: the identity it carries and its state. */
export interface KeyRecord {
  /** Public id, e.g. `key_3f9a...`, used to list and revoke. */
  id: string;
  /** SHA-256 of the full key, hex. */
  hash: string;
  /** The first characters of the key, to recognise it in lists. */
  prefix: string;
  user: string;
  department: string;
  agent: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type NewKey = Omit<KeyRecord, 'revokedAt'>;

/** The identity a request is attributed to. */
export interface Identity {
  keyId: string;
  user: string;
  department: string;
  agent: string | null;
}

/** The key state a request can be refused for, or `active`. */
export function keyState(key: KeyRecord, now: Date): 'active' | 'revoked' | 'expired' {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
