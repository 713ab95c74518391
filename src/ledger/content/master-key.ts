import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { readOrCreateSecret } from './secret-file.js';

/** File name of the master key inside the data folder. */
export const MASTER_KEY_FILE = 'ledger-master.key';

/**
 * Loads the ledger's master key (32 bytes, base64 in a 0600 file), making it
 * at first start. It wraps the per-user data keys and never leaves the host.
 *
 * @throws TokenwardenError `ledger_key_invalid` when the file is not a key.
 */
export function loadMasterKey(dataDir: string): Buffer {
  const path = join(dataDir, MASTER_KEY_FILE);
  const text = readOrCreateSecret(path, () => `${randomBytes(32).toString('base64')}\n`);
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new TokenwardenError('ledger_key_invalid', `${path} does not hold a 32-byte key`);
  }
  return key;
}
