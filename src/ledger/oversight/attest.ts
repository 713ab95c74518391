import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { commit } from '../content/content-cipher.js';
import { poolRandomBytes } from '../../random/random-pool.js';
import { decodeEntry, encodeEntry, type AttestationEntryBody } from '../entry.js';
import type { Ledger } from '../ledger.js';
import { leafHash } from '../merkle/hash.js';
import { subjectOf } from '../record-request.js';
import {
  oversightState, requiredAttestations, type OversightState,
} from './oversight-state.js';

/** The verdicts a person can give. */
export const VERDICTS = ['approved', 'rejected', 'edited'] as const;

/** One human validation of a request's answer. */
export interface AttestInput {
  requestId: string;
  by: string;
  verdict: string;
  note?: string | undefined;
  /** The answer as the person corrected it (verdict `edited`). */
  editedText?: string | undefined;
  time?: string | undefined;
}

/** What an attestation produced. */
export interface AttestResult {
  index: number;
  requestId: string;
  targetIndex: number;
  oversight: OversightState;
}

function checkInput(input: AttestInput): AttestationEntryBody['verdict'] {
  if (!input.by.trim()) {
    throw new TokenwardenError('attestation_invalid', 'An attestation needs --by NAME');
  }
  const verdict = VERDICTS.find((v) => v === input.verdict);
  if (!verdict) {
    throw new TokenwardenError('attestation_invalid',
      `verdict must be approved, rejected or edited: got ${JSON.stringify(input.verdict)}`);
  }
  return verdict;
}

/**
 * Appends an attestation entry bound to the request's entry by its seq and
 * leaf hash. Note and edited text are kept encrypted under the request
 * user's data key, with salted commitments in the entry.
 *
 * @throws TokenwardenError `ledger_entry_not_found` for an unknown request,
 *   `attestation_invalid` for a missing name, a wrong verdict or a request
 *   that produced no answer.
 */
export async function attest(ledger: Ledger, input: AttestInput): Promise<AttestResult> {
  const verdict = checkInput(input);
  const { store, keyring, config } = ledger.context;
  const target = await store.requestEntry(input.requestId);
  if (!target) {
    throw new TokenwardenError('ledger_entry_not_found', `No entry for request ${input.requestId}`);
  }
  const body = decodeEntry(target.body);
  if (body.type !== 'request' || body.outcome !== 'ok') {
    throw new TokenwardenError('attestation_invalid',
      `Request ${input.requestId} has no answer to attest (outcome ${target.outcome})`);
  }

  const subject = subjectOf({ user: body.identity.user, keyId: body.identity.key_id });
  const time = input.time ?? new Date().toISOString();
  const by = input.by.trim();
  const targetLeaf = leafHash(target.body).toString('hex');
  const index = await ledger.enqueue(subject, input.requestId, (contents) => {
    const salts = poolRandomBytes(64);
    const [noteSalt, editedSalt] = [salts.subarray(0, 32), salts.subarray(32)];
    const key = keyring.active(subject);
    if (!key) throw new TokenwardenError('internal_error', `no data key for ${subject}`);
    // Frame fields: note, edited text (see content-frame.ts).
    const content = contents.add(key, salts, [input.note, input.editedText]);
    const noteCommitment = input.note === undefined ? undefined : commit(noteSalt, input.note);
    const editedCommitment = input.editedText === undefined ? undefined
      : commit(editedSalt, input.editedText);
    return (seq) => ({
      entry: {
        seq, requestId: input.requestId, type: 'attestation', time, body: encodeEntry({
          by, edited_commitment: editedCommitment, note_commitment: noteCommitment,
          request_id: input.requestId, seq, target_leaf: targetLeaf, target_seq: target.seq,
          time, type: 'attestation', v: 1, verdict,
        }),
      },
      content,
      attestation: { seq, targetSeq: target.seq, by, verdict },
    });
  });

  const required = requiredAttestations(config.oversight, target);
  const oversight = oversightState(required, await store.attestationsFor(target.seq));
  return { index, requestId: input.requestId, targetIndex: target.seq, oversight };
}
