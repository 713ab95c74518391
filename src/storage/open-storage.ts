import type { Config } from '../config/schema.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';
import type { RetryEvent } from './sqlite/sqlite-writer.js';
import type { Storage } from './storage.js';

/** How often writes kept for want of space are tried again. */
const RETRY_EVERY_MS = 1_000;
/** Writes kept at most (a request is two or three): some 10 MB. */
const RETRY_MAX_OPS = 20_000;

/**
 * Opens the backend the configuration names. `serving` is given by the
 * gateway, a long-running writer whose upkeep (WAL checkpoints) runs on a
 * thread of its own; commands leave it to SQLite.
 */
export function openStorage(config: Config, dataDir: string,
  serving?: {
    onCheckpointError: (message: string) => void;
    onWriteRetry: (event: RetryEvent) => void;
  }): Storage {
  switch (config.storage) {
    case 'sqlite':
      return new SqliteStorage(dataDir, serving
        ? { checkpointThread: true, onCheckpointError: serving.onCheckpointError,
          retry: { everyMs: RETRY_EVERY_MS, maxOps: RETRY_MAX_OPS, report: serving.onWriteRetry } }
        : {});
  }
}
