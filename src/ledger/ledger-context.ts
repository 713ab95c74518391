import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../observability/logger.js';
import { loadNoteSigner, type NoteSigner } from './checkpoint/note-keys.js';
import type { LedgerConfig } from './config.js';
import { DataKeyring } from './content/data-keys.js';
import { loadMasterKey } from './content/master-key.js';
import { TreeReader } from './merkle/tree-reader.js';
import type { LedgerStore } from './store/ledger-store.js';
import { SqliteLedgerStore } from './store/sqlite-ledger-store.js';

/** File name of the ledger database inside the data folder. */
export const LEDGER_DB_FILE = 'ledger.db';

/** What every ledger operation works on: the store, keys and configuration. */
export interface LedgerContext {
  store: LedgerStore;
  reader: TreeReader;
  keyring: DataKeyring;
  signer: NoteSigner;
  config: LedgerConfig;
  dataDir: string;
  /** Secret seed of the provenance fingerprints, derived from the master key. */
  seed: number;
  logger?: Logger | undefined;
}

/**
 * Opens the ledger's store and keys in `dataDir`, creating the folder, the
 * database, the master key and the signing key at first start.
 */
export function openLedgerContext(options: {
  dataDir: string; config: LedgerConfig; logger?: Logger | undefined;
}): LedgerContext {
  const { dataDir, config, logger } = options;
  mkdirSync(dataDir, { recursive: true });

  const master = loadMasterKey(dataDir);
  const store = SqliteLedgerStore.open(join(dataDir, LEDGER_DB_FILE));
  const reader = new TreeReader((positions) => store.nodes(positions));
  const seed = createHmac('sha256', master).update('provenance-seed').digest().readUInt32BE(0);
  return {
    store, reader, keyring: new DataKeyring(store, master),
    signer: loadNoteSigner(dataDir, config.origin), config, dataDir, seed, logger,
  };
}
