import { openBlob } from '../content/content-batch.js';
import { decodeFrame } from '../content/content-frame.js';
import type { LedgerContext } from '../ledger-context.js';
import { REQUEST_FIELDS } from '../record-request.js';
import type { StoredBlob } from '../store/ledger-store.js';
import { answerFingerprints } from './fingerprint.js';

/**
 * A blob's plaintext, or undefined when it does not decrypt: a damaged blob
 * must not stop the index (`audit show` reports it where it matters).
 */
function openOrSkip(key: Buffer, blob: StoredBlob): Buffer | undefined {
  try {
    return openBlob(key, blob);
  } catch {
    return undefined;
  }
}

/** Position of the answer's plain text among a request's content fields. */
const ANSWER_TEXT = REQUEST_FIELDS.indexOf('answer_text');

/**
 * Adds the next committed answers, up to `maxEntries` content rows, to the
 * provenance index: decrypts their blobs (each once), fingerprints each
 * answer text and hands the lists to the store. Done here, in the
 * background, rather than on each append, because fingerprinting costs as
 * much as the rest of an append's preparation. Answers whose data key was
 * erased, or whose blob no longer decrypts, are skipped. Returns the content
 * rows read; 0 when caught up.
 */
export async function indexAnswers(context: LedgerContext, maxEntries: number): Promise<number> {
  const { store, keyring, seed } = context;
  const work = await store.contentToIndex(maxEntries);
  if (work.read === 0) return 0;

  // Several entries share a blob and several blobs a data key: each is opened once.
  const keys = new Map<number, Buffer | undefined>();
  const plain = new Map<number, Buffer | undefined>();
  const lists: { seq: number; hashes: Uint32Array }[] = [];
  for (const { seq, blobId, offset, length } of work.entries) {
    if (!plain.has(blobId)) {
      const blob = work.blobs.get(blobId);
      if (blob && !keys.has(blob.keyId)) keys.set(blob.keyId, await keyring.byId(blob.keyId));
      const key = blob && keys.get(blob.keyId);
      plain.set(blobId, key && blob && openOrSkip(key, blob));
    }
    const frame = plain.get(blobId)?.subarray(offset, offset + length);
    if (!frame) continue;
    const text = decodeFrame(frame, REQUEST_FIELDS.length).fields[ANSWER_TEXT];
    if (text) lists.push({ seq, hashes: answerFingerprints(text, seed) });
  }
  await store.indexFingerprints(lists, work.next);
  return work.read;
}
