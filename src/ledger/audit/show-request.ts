import { decodeEntry, type AttestationEntryBody, type RequestEntryBody } from '../entry.js';
import type { Ledger } from '../ledger.js';
import {
  oversightState, requiredAttestations, type OversightState,
} from '../oversight/oversight-state.js';
import { findRequestEntry, proveEntry, type InclusionReport } from './prove-request.js';
import { readRequestContent, type ContentView } from './read-content.js';

/** Everything the ledger knows about one request, as `audit show` prints it. */
export interface RequestView {
  request_id: string;
  index: number;
  entry: RequestEntryBody;
  content: ContentView;
  attestations: AttestationEntryBody[];
  oversight: OversightState;
  inclusion: InclusionReport;
}

/**
 * Gathers a request's entry, decrypted content, attestations, oversight
 * state and inclusion proof.
 *
 * @throws TokenwardenError `ledger_entry_not_found`.
 */
export async function showRequest(ledger: Ledger, requestId: string): Promise<RequestView> {
  const { store, config } = ledger.context;
  const row = await findRequestEntry(ledger, requestId);
  const entry = decodeEntry(row.body) as RequestEntryBody;

  const attestations: AttestationEntryBody[] = [];
  for (const a of await store.attestationsFor(row.seq)) {
    const stored = await store.entryBySeq(a.seq);
    if (stored) attestations.push(decodeEntry(stored.body) as AttestationEntryBody);
  }
  const required = requiredAttestations(config.oversight, row);
  return {
    request_id: requestId, index: row.seq, entry,
    content: await readRequestContent(ledger, row.seq, entry),
    attestations, oversight: oversightState(required, attestations),
    inclusion: await proveEntry(ledger, row),
  };
}
