import type { LedgerContext } from '../ledger-context.js';

/**
 * Deletes prompts, answers and fingerprints of entries older than the
 * configured retention (EU AI Act Art. 19 asks for at least six months).
 * Entries and leaves stay, so proofs and verification are unaffected.
 * Returns how many entries lost their content; 0 when retention is off.
 */
export async function applyRetention(context: LedgerContext, now = new Date()): Promise<number> {
  const { config, store, logger } = context;
  if (config.retention <= 0) return 0;
  const cutoff = new Date(now.getTime() - config.retention).toISOString();
  const deleted = await store.deleteContentBefore(cutoff);
  if (deleted > 0) logger?.info({ deleted, cutoff }, 'ledger content past retention deleted');
  return deleted;
}
