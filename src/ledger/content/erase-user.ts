import type { Ledger } from '../ledger.js';

/** What an erasure did. */
export interface EraseResult {
  user: string;
  keys_destroyed: number;
  entries_affected: number;
}

/**
 * Crypto-shredding: destroys the user's data keys, so their prompts,
 * answers and attestation notes become unreadable, and drops their
 * provenance fingerprints. Entries, leaves and checkpoints stay, so every
 * proof still verifies. New requests of the user get a new key.
 */
export async function eraseUser(ledger: Ledger, user: string): Promise<EraseResult> {
  const { store } = ledger.context;
  const subject = `user:${user}`;
  const entries = await store.forgetSubjectFingerprints(subject);
  const keys = await store.eraseSubject(subject);
  ledger.context.logger?.info({ user, keys }, 'ledger data keys of a user destroyed');
  return { user, keys_destroyed: keys, entries_affected: entries };
}
