import {
  createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject,
} from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { readOrCreateSecret } from '../content/secret-file.js';
import {
  keyIdOf, parseNote, SIG_TYPE_ED25519, signatureLine,
} from './signed-note.js';

/** File of the log's Ed25519 private key (PKCS#8 PEM, mode 0600). */
export const SIGNING_KEY_FILE = 'ledger-signing.key';
/** File of the log's public key, as a C2SP verifier key `name+keyid+base64`. */
export const VERIFIER_KEY_FILE = 'ledger-signing.vkey';

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
}

/** Signs notes with the log's Ed25519 key under the note key name `name`. */
export class NoteSigner {
  readonly name: string;
  readonly publicKey: Buffer;
  readonly keyId: Buffer;
  readonly #privateKey: KeyObject;

  constructor(name: string, privateKey: KeyObject) {
    this.name = name;
    this.#privateKey = privateKey;
    this.publicKey = rawPublicKey(createPublicKey(privateKey));
    this.keyId = keyIdOf(name, SIG_TYPE_ED25519, this.publicKey);
  }

  /** The signature line over `text` (the whole note body, ending in LF). */
  sign(text: string): string {
    return signatureLine(this.name, this.keyId, sign(null, Buffer.from(text), this.#privateKey));
  }

  /** The C2SP verifier key: `name+hex(key id)+base64(0x01 || public key)`. */
  verifierKey(): string {
    const blob = Buffer.concat([Buffer.from([SIG_TYPE_ED25519]), this.publicKey]);
    return `${this.name}+${this.keyId.toString('hex')}+${blob.toString('base64')}`;
  }
}

/**
 * Loads the log's signing key from the data folder, making it at first
 * start, and (re)writes the public verifier key file beside it.
 */
export function loadNoteSigner(dataDir: string, name: string): NoteSigner {
  const pem = readOrCreateSecret(join(dataDir, SIGNING_KEY_FILE), () => generateKeyPairSync(
    'ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const signer = new NoteSigner(name, createPrivateKey(pem));
  writeFileSync(join(dataDir, VERIFIER_KEY_FILE), `${signer.verifierKey()}\n`);
  return signer;
}

/** Checks notes signed by one Ed25519 key. */
export class NoteVerifier {
  readonly name: string;
  readonly keyId: Buffer;
  readonly #publicKey: KeyObject;

  constructor(name: string, publicKey: Buffer) {
    this.name = name;
    this.keyId = keyIdOf(name, SIG_TYPE_ED25519, publicKey);
    this.#publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk',
    });
  }

  /**
   * Parses a verifier key `name+keyid+base64(0x01 || key)`.
   *
   * @throws TokenwardenError `ledger_key_invalid` when it is malformed.
   */
  static fromVerifierKey(text: string): NoteVerifier {
    // The base64 part may itself hold '+', so split at the first two only.
    const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/=]+)$/.exec(text.trim());
    const [, name, hexId, blobText] = match ?? [];
    const blob = Buffer.from(blobText ?? '', 'base64');
    if (!name || !hexId || blob.length !== 33 || blob[0] !== SIG_TYPE_ED25519) {
      throw new TokenwardenError('ledger_key_invalid', 'not an Ed25519 verifier key');
    }
    const verifier = new NoteVerifier(name, blob.subarray(1));
    if (verifier.keyId.toString('hex') !== hexId) {
      throw new TokenwardenError('ledger_key_invalid', 'verifier key id does not match the key');
    }
    return verifier;
  }

  /** True when the note carries a valid signature by this key (C2SP signed-note). */
  verify(note: string): boolean {
    let parsed;
    try {
      parsed = parseNote(note);
    } catch {
      return false;
    }
    return parsed.signatures.some((s) => s.name === this.name && s.keyId.equals(this.keyId)
      && s.signature.length === 64 && verify(null, Buffer.from(parsed.text), this.#publicKey,
      s.signature));
  }
}
