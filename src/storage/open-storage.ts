import type { Config } from '../config/schema.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';
import type { Storage } from './storage.js';

/**
 * Opens the backend the configuration names. `serving` is set by the
 * gateway, which commits on a writer thread; commands write on their own.
 */
export function openStorage(config: Config, dataDir: string, serving = false): Storage {
  switch (config.storage) {
    case 'sqlite':
      return new SqliteStorage(dataDir, { writerThread: serving });
  }
}
