import type { Config } from '../config/schema.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';
import type { Storage } from './storage.js';

/** Opens the backend the configuration names. */
export function openStorage(config: Config, dataDir: string): Storage {
  switch (config.storage) {
    case 'sqlite':
      return new SqliteStorage(dataDir);
  }
}
