// The checkpoint thread's entry: copies a WAL file's committed pages back
// into its database every `everyMs`, on a connection of its own, so the
// connection that writes (with its automatic checkpoints turned off) never
// pays for the copy or for the syncs that go with it.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.ts runs only as a worker thread');

const { path, everyMs } = workerData as { path: string; everyMs: number };
const db = new Database(path);
db.pragma('busy_timeout = 5000');

const timer = setInterval(() => {
  try {
    // PASSIVE never waits for the writer or for readers: it copies what it
    // can now and leaves the rest for the next round.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    port.postMessage({ error: (error as Error).message });
  }
}, everyMs);

port.on('message', () => {
  clearInterval(timer);
  db.close();
  port.close();
});
