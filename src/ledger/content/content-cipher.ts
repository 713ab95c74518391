import { createCipheriv, createDecipheriv, hash } from 'node:crypto';
import { poolRandomBytes } from '../../random/random-pool.js';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals `plaintext` with AES-256-GCM: nonce (12) || tag (16) || ciphertext.
 * `aad` binds the ciphertext to where it belongs (an entry's seq, a key's
 * subject), so a sealed value cannot be moved to another row unnoticed.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = poolRandomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/**
 * Opens a value made by `seal`.
 *
 * @throws Error when the key, the aad or the bytes are wrong.
 */
export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)),
    decipher.final()]);
}

/**
 * Seals a large plaintext without copying it again: returns the 28-byte
 * header (nonce || tag) and the ciphertext separately.
 */
export function sealParts(key: Buffer, plaintext: Buffer, aad: string)
  : { header: Buffer; body: Buffer } {
  const nonce = poolRandomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = cipher.update(plaintext);
  cipher.final();
  return { header: Buffer.concat([nonce, cipher.getAuthTag()]), body };
}

/**
 * Opens a value made by `sealParts`.
 *
 * @throws Error when the key, the aad or the bytes are wrong.
 */
export function openParts(key: Buffer, header: Buffer, body: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(header.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Texts up to this many UTF-16 units are committed through a reused buffer. */
const COMMIT_BUFFERED = 256 * 1024;
let commitInput = Buffer.allocUnsafe(16 * 1024);

/**
 * Salted commitment to a text: hex SHA-256 of `base64(salt) LF text`, with a
 * random 32-byte salt. Without the salt it reveals nothing, even for a short
 * guessable text; with it, anyone holding the text can show it is the one
 * committed. One-shot hashing of the UTF-8 written into a reused buffer
 * keeps it near a microsecond, with no joined copy of the text to collect.
 */
export function commit(salt: Buffer, text: string): string {
  const prefix = `${salt.toString('base64')}\n`;
  if (text.length > COMMIT_BUFFERED) return hash('sha256', prefix + text, 'hex');
  // A UTF-16 unit never takes more than 3 bytes of UTF-8.
  const bound = prefix.length + text.length * 3;
  if (commitInput.length < bound) commitInput = Buffer.allocUnsafe(bound);
  const at = commitInput.write(prefix, 0, 'latin1');
  const end = at + commitInput.write(text, at, 'utf8');
  return hash('sha256', commitInput.subarray(0, end), 'hex');
}
