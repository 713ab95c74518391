import type {
  ContentBlob, ContentRef, StoredBlob, StoredContent,
} from '../store/ledger-store.js';
import { openParts, sealParts } from './content-cipher.js';
import { encodeFrame, frameBound } from './content-frame.js';
import type { DataKey, DataKeyring } from './data-keys.js';

/** Associated data of a blob: binds it to the data key it is sealed under. */
function blobAad(keyId: number): string {
  return `content:${keyId}`;
}

interface PendingFrame {
  ref: ContentRef;
  salts: Buffer;
  fields: readonly (string | undefined)[];
}

/** Plaintext of the part being sealed, reused: a batch encodes thousands of frames. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** Beyond this the scratch buffer is dropped after use rather than kept. */
const SCRATCH_KEPT = 16 << 20;

/**
 * Gathers the content of one group commit per subject and seals each
 * subject's part once (AES-256-GCM), because setting up a cipher costs more
 * than encrypting a few kilobytes. An entry's content is a frame inside its
 * blob; the salted commitments in the entry tell whether it is the right one.
 */
export class ContentBatch {
  readonly #parts = new Map<number, { key: DataKey; frames: PendingFrame[]; bound: number;
    blob: ContentBlob }>();

  /**
   * Adds one entry's salts and fields; returns where its frame will sit
   * (its offset and length are set by `seal`).
   */
  add(key: DataKey, salts: Buffer, fields: readonly (string | undefined)[]): ContentRef {
    let part = this.#parts.get(key.id);
    if (!part) {
      const blob = { keyId: key.id, header: Buffer.alloc(0), sealed: Buffer.alloc(0) };
      part = { key, frames: [], bound: 0, blob };
      this.#parts.set(key.id, part);
    }
    const ref = { blob: part.blob, offset: 0, length: 0 };
    part.frames.push({ ref, salts, fields });
    part.bound += frameBound(fields);
    return ref;
  }

  /** Encodes and seals every subject's part, and places each frame in its blob. */
  seal(): void {
    for (const part of this.#parts.values()) {
      if (scratch.length < part.bound) scratch = Buffer.allocUnsafe(part.bound);
      let at = 0;
      for (const { ref, salts, fields } of part.frames) {
        const end = encodeFrame(scratch, at, salts, fields);
        ref.offset = at;
        ref.length = end - at;
        at = end;
      }
      // The ciphertext is a new buffer, so the scratch can take the next part.
      const { header, body } = sealParts(part.key.key, scratch.subarray(0, at),
        blobAad(part.key.id));
      part.blob.header = header;
      part.blob.sealed = body;
    }
    if (scratch.length > SCRATCH_KEPT) scratch = Buffer.allocUnsafe(1 << 20);
  }
}

/**
 * Decrypts a whole blob with its data key.
 *
 * @throws Error when the blob does not decrypt (tampered or wrong key).
 */
export function openBlob(key: Buffer, blob: StoredBlob): Buffer {
  return openParts(key, blob.header, blob.sealed, blobAad(blob.keyId));
}

/**
 * Decrypts one entry's frame, or returns undefined when its data key was
 * erased.
 *
 * @throws Error when the blob does not decrypt (tampered or wrong key).
 */
export async function openContent(keyring: DataKeyring, stored: StoredContent)
  : Promise<Buffer | undefined> {
  const key = await keyring.byId(stored.keyId);
  return key && openBlob(key, stored).subarray(stored.offset, stored.offset + stored.length);
}
