import type { Config } from '../config/schema.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';
import type { Storage } from './storage.js';

/**
 * Opens the backend the configuration names. `serving` is given by the
 * gateway, a long-running writer whose upkeep (WAL checkpoints) runs on a
 * thread of its own; commands leave it to SQLite.
 */
export function openStorage(config: Config, dataDir: string,
  serving?: { onCheckpointError: (message: string) => void }): Storage {
  switch (config.storage) {
    case 'sqlite':
      return new SqliteStorage(dataDir, serving
        ? { checkpointThread: true, onCheckpointError: serving.onCheckpointError }
        : {});
  }
}
