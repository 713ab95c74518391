import {
  createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject,
} from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { TokenwardenError } from '../errors/tokenwarden-error.js';

/** Curves the reference tool accepts, with the hash each one signs with. */
const CURVE_HASHES: Record<string, string> = {
  prime256v1: 'sha256',
  secp384r1: 'sha384',
  secp521r1: 'sha512',
};

/**
 * Writes a new ECDSA P-256 key pair as PEM: PKCS#8 private key (mode 0600,
 * created exclusively so an existing key is never overwritten) and SPKI
 * public key.
 * @throws Error (EEXIST) when the private key file already exists.
 */
export function generateKeyFiles(privateKeyFile: string, publicKeyFile: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  writeFileSync(privateKeyFile, privatePem, { mode: 0o600, flag: 'wx' });
  writeFileSync(publicKeyFile, publicPem(publicKey));
}

/**
 * Loads a private key for signing.
 * @throws TokenwardenError `signing_key_invalid` when it cannot be read or
 * is not an EC key on a supported curve.
 */
export function loadPrivateKey(file: string): KeyObject {
  return checkCurve(file, () => createPrivateKey(readFileSync(file)));
}

/**
 * Loads a public key for verification (a private key file also works).
 * @throws TokenwardenError `signing_key_invalid` as {@link loadPrivateKey}.
 */
export function loadPublicKey(file: string): KeyObject {
  return checkCurve(file, () => createPublicKey(readFileSync(file)));
}

/** The hash algorithm that goes with the key's curve (P-256: SHA-256). */
export function hashForKey(key: KeyObject): string {
  return CURVE_HASHES[key.asymmetricKeyDetails?.namedCurve ?? ''] ?? 'sha256';
}

/**
 * The bundle's `publicKey.hint`: SHA-256 (hex) of the public key in SPKI
 * PEM, as the reference tool computes it.
 */
export function keyHint(key: KeyObject): string {
  const pem = publicPem(key.type === 'private' ? createPublicKey(key) : key);
  return createHash('sha256').update(pem).digest('hex');
}

function publicPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

function checkCurve(file: string, load: () => KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = load();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenwardenError('signing_key_invalid', `Cannot load key ${file}: ${reason}`, {
      cause: error,
    });
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType !== 'ec' || curve === undefined || !(curve in CURVE_HASHES)) {
    throw new TokenwardenError('signing_key_invalid',
      `Cannot load key ${file}: expected an ECDSA P-256, P-384 or P-521 key, ` +
      `got ${key.asymmetricKeyType ?? 'unknown'} ${curve ?? ''}`.trim());
  }
  return key;
}
