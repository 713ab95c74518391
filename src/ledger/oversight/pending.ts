import { decodeEntry } from '../entry.js';
import type { Ledger } from '../ledger.js';
import {
  oversightState, requiredAttestations, ruleScopes, type OversightState,
} from './oversight-state.js';

/** A request whose answer still waits for human attestations. */
export interface PendingItem {
  request_id: string;
  index: number;
  time: string;
  model?: string | undefined;
  user?: string | undefined;
  department?: string | undefined;
  agent?: string | undefined;
  required: number;
  approvals: number;
  approved_by: string[];
}

/**
 * Lists answers that the oversight policy says need attestations and that
 * do not have enough yet, newest first.
 */
export async function pendingAttestations(ledger: Ledger, limit = 1000): Promise<PendingItem[]> {
  const { store, config } = ledger.context;
  const candidates = await store.oversightCandidates(ruleScopes(config.oversight), limit);
  const pending: PendingItem[] = [];
  for (const { entry, attestations } of candidates) {
    const required = requiredAttestations(config.oversight, entry);
    const state: OversightState = oversightState(required, attestations);
    if (state.status !== 'pending') continue;
    const body = decodeEntry(entry.body);
    pending.push({
      request_id: entry.requestId, index: entry.seq, time: entry.time,
      model: body.type === 'request' ? body.model : undefined,
      user: entry.user, department: entry.department, agent: entry.agent,
      required, approvals: state.approved_by.length, approved_by: state.approved_by,
    });
  }
  return pending;
}
