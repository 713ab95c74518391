import { sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { preAuthEncoding, IN_TOTO_PAYLOAD_TYPE } from './dsse.js';
import { hashModel, relativeToModel } from './hash-model.js';
import { buildStatement } from './in-toto-statement.js';
import { DEFAULT_IGNORE_PATHS, modelName } from './model-files.js';
import { buildBundle } from './signature-bundle.js';
import { hashForKey, keyHint, loadPrivateKey } from './signing-keys.js';

/** Options of {@link signModel}. */
export interface SignModelOptions {
  privateKeyFile: string;
  /** Where the bundle is written. */
  signatureFile: string;
  /** Extra paths to leave out, relative to the working folder. */
  ignorePaths?: readonly string[];
}

/**
 * Signs a model file or folder in the OpenSSF model-signing v1 format: a
 * Sigstore bundle holding a DSSE envelope over an in-toto statement that
 * lists every file's SHA-256. The signature file itself, the git metadata
 * and the given paths are left out. Returns the number of files signed.
 * @throws TokenwardenError `signing_key_invalid`, `model_path_not_found`
 * or `usage_error` (symbolic link in the model).
 */
export async function signModel(modelPath: string, options: SignModelOptions): Promise<number> {
  const key = loadPrivateKey(options.privateKeyFile);
  const ignorePaths = [
    ...DEFAULT_IGNORE_PATHS,
    ...relativeToModel(modelPath, [options.signatureFile, ...(options.ignorePaths ?? [])]),
  ];
  const uniqueIgnores = [...new Set(ignorePaths)];

  const resources = await hashModel(modelPath, uniqueIgnores);
  const statement = buildStatement(modelName(modelPath), resources, uniqueIgnores);
  const payload = Buffer.from(JSON.stringify(statement, null, 2), 'utf8');

  const signature = sign(hashForKey(key), preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload), {
    key,
    dsaEncoding: 'der',
  });
  const bundle = buildBundle(payload, IN_TOTO_PAYLOAD_TYPE, signature, keyHint(key));
  writeFileSync(options.signatureFile, JSON.stringify(bundle));
  return resources.length;
}
