import { commit } from '../content/content-cipher.js';
import { openContent } from '../content/content-batch.js';
import type { RequestEntryBody } from '../entry.js';
import type { Ledger } from '../ledger.js';
import { decodeFrame } from '../content/content-frame.js';
import { REQUEST_FIELDS } from '../record-request.js';

/** What could be read of a request's prompt and answer. */
export interface ContentView {
  /** available, erased (key destroyed), expired (past retention) or not_stored. */
  status: 'available' | 'erased' | 'expired' | 'not_stored';
  prompt?: string | undefined;
  answer?: string | undefined;
  answer_text?: string | undefined;
  /** True when the decrypted texts match the commitments in the entry. */
  commitments_match?: boolean | undefined;
}

/**
 * Decrypts a request's content and checks it against the entry's salted
 * commitments, so a swapped or altered ciphertext shows as a mismatch.
 */
export async function readRequestContent(ledger: Ledger, seq: number, body: RequestEntryBody)
  : Promise<ContentView> {
  const { store, keyring } = ledger.context;
  const stored = await store.content(seq);
  if (!stored) return { status: 'expired' };
  const plain = await openContent(keyring, stored);
  if (!plain) return { status: 'erased' };

  const { salts: [promptSalt, answerSalt], fields: [prompt, answer, answerText] } =
    decodeFrame(plain, REQUEST_FIELDS.length);
  if (prompt === undefined || answer === undefined) return { status: 'not_stored' };
  return {
    status: 'available', prompt, answer, answer_text: answerText,
    commitments_match: commit(promptSalt, prompt) === body.prompt_commitment
      && commit(answerSalt, answer) === body.answer_commitment,
  };
}
