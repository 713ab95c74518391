import type { ContentBlob, ContentRef, StoredContent } from '../store/ledger-store.js';
import { openParts, sealParts } from './content-cipher.js';
import { encodeFrame, frameLength } from './content-frame.js';
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

/**
 * Gathers the content of one group commit per subject and seals each
 * subject's part once (AES-256-GCM), because setting up a cipher costs more
 * than encrypting a few kilobytes. An entry's content is a frame inside its
 * blob; the salted commitments in the entry tell whether it is the right one.
 */
export class ContentBatch {
  readonly #parts = new Map<number, { key: DataKey; frames: PendingFrame[]; length: number;
    blob: ContentBlob }>();

  /** Adds one entry's salts and fields; returns where its frame will sit. */
  add(key: DataKey, salts: Buffer, fields: readonly (string | undefined)[]): ContentRef {
    let part = this.#parts.get(key.id);
    if (!part) {
      const blob = { keyId: key.id, header: Buffer.alloc(0), sealed: Buffer.alloc(0) };
      part = { key, frames: [], length: 0, blob };
      this.#parts.set(key.id, part);
    }
    const length = frameLength(fields);
    const ref = { blob: part.blob, offset: part.length, length };
    part.frames.push({ ref, salts, fields });
    part.length += length;
    return ref;
  }

  /** Encodes and seals every subject's part. */
  seal(): void {
    for (const part of this.#parts.values()) {
      const plain = Buffer.allocUnsafe(part.length);
      for (const { ref, salts, fields } of part.frames) {
        encodeFrame(plain, ref.offset, salts, fields);
      }
      const { header, body } = sealParts(part.key.key, plain, blobAad(part.key.id));
      part.blob.header = header;
      part.blob.sealed = body;
    }
  }
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
  if (!key) return undefined;
  const plain = openParts(key, stored.header, stored.sealed, blobAad(stored.keyId));
  return plain.subarray(stored.offset, stored.offset + stored.length);
}
