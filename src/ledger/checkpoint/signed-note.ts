import { createHash } from 'node:crypto';

/** U+2014 EM DASH, which starts every signature line (C2SP signed-note). */
export const EM_DASH = '\u2014';

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  /** First 4 bytes of the decoded signature blob. */
  keyId: Buffer;
  /** The rest of the blob (for Ed25519: the 64-byte signature). */
  signature: Buffer;
  line: string;
}

/** A parsed signed note: the signed text (ending in LF) and its signature lines. */
export interface SignedNote {
  text: string;
  signatures: NoteSignature[];
}

/** Signature type bytes of C2SP signed-note: Ed25519 and witness cosignature/v1. */
export const SIG_TYPE_ED25519 = 0x01;
export const SIG_TYPE_COSIGNATURE = 0x04;

/** Key id: the first 4 bytes of SHA-256(name || 0x0A || type || public key). */
export function keyIdOf(name: string, type: number, publicKey: Buffer): Buffer {
  return createHash('sha256').update(name).update(Buffer.from([0x0a, type]))
    .update(publicKey).digest().subarray(0, 4);
}

/** A signature line: `— name base64(key id || signature)` and LF. */
export function signatureLine(name: string, keyId: Buffer, signature: Buffer): string {
  return `${EM_DASH} ${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/** Joins the signed text and its signature lines with the blank line between. */
export function formatNote(text: string, lines: readonly string[]): string {
  return `${text}\n${lines.join('')}`;
}

/**
 * Splits a note at its last blank line and parses the signature lines.
 *
 * @throws TypeError when there is no blank line or a signature line is malformed.
 */
export function parseNote(note: string): SignedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new TypeError('note has no signature block');
  const text = note.slice(0, split + 1);
  const signatures = note.slice(split + 2).split('\n').filter((l) => l !== '').map((line) => {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match) throw new TypeError(`malformed signature line: ${JSON.stringify(line)}`);
    const blob = Buffer.from(match[2] as string, 'base64');
    if (blob.length < 5) throw new TypeError('signature too short');
    return {
      name: match[1] as string, keyId: blob.subarray(0, 4), signature: blob.subarray(4),
      line: `${line}\n`,
    };
  });
  if (signatures.length === 0) throw new TypeError('note has no signature');
  return { text, signatures };
}
