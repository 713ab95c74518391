import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { parseCheckpoint } from '../checkpoint/checkpoint-text.js';
import { parseNote } from '../checkpoint/signed-note.js';
import { decodeEntry, type EntryBody } from '../entry.js';
import type { Ledger } from '../ledger.js';
import { leafHash } from '../merkle/hash.js';
import { verifyInclusion } from '../merkle/verify-proofs.js';
import type { EntryRow } from '../store/ledger-store.js';

/** An inclusion proof of one request's entry, as `audit proof` prints it. */
export interface InclusionReport {
  request_id: string;
  index: number;
  tree_size: number;
  leaf_hash: string;
  proof: string[];
  root: string;
  checkpoint: string;
  verified: boolean;
  entry: EntryBody;
}

/**
 * The request's entry.
 *
 * @throws TokenwardenError `ledger_entry_not_found`.
 */
export async function findRequestEntry(ledger: Ledger, requestId: string): Promise<EntryRow> {
  const row = await ledger.context.store.requestEntry(requestId);
  if (!row) {
    throw new TokenwardenError('ledger_entry_not_found',
      `No ledger entry for request ${requestId}`);
  }
  return row;
}

/**
 * Proves that a request's entry is in the tree of the latest checkpoint
 * (RFC 9162 §2.1.3), signing a new checkpoint first if the latest does not
 * cover the entry yet.
 *
 * @throws TokenwardenError `ledger_entry_not_found`.
 */
export async function proveRequest(ledger: Ledger, requestId: string): Promise<InclusionReport> {
  const row = await findRequestEntry(ledger, requestId);
  return proveEntry(ledger, row);
}

/** Inclusion proof of any stored entry against the latest checkpoint. */
export async function proveEntry(ledger: Ledger, row: EntryRow): Promise<InclusionReport> {
  const { store, reader } = ledger.context;
  let latest = await store.latestCheckpoint();
  if (!latest || latest.size <= row.seq) latest = await ledger.checkpoint();
  if (!latest) throw new TokenwardenError('internal_error', 'No checkpoint could be signed');

  const checkpoint = parseCheckpoint(parseNote(latest.note).text);
  const leaf = leafHash(row.body);
  const proof = await reader.inclusion(row.seq, checkpoint.size);
  return {
    request_id: row.requestId, index: row.seq, tree_size: checkpoint.size,
    leaf_hash: leaf.toString('base64'), proof: proof.map((h) => h.toString('base64')),
    root: checkpoint.root.toString('base64'), checkpoint: latest.note,
    verified: verifyInclusion(row.seq, checkpoint.size, leaf, proof, checkpoint.root),
    entry: decodeEntry(row.body),
  };
}
