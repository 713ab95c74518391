// The checkpoint thread's entry: for each file it is given, copies the WAL's
// committed pages back into the database every `everyMs`, on a connection
// of its own, so the connection that writes (with its automatic checkpoints
// turned off) never pays for the copy or for the syncs that go with it.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What the main thread posts: start checkpointing a file, or stop. */
export type CheckpointCommand =
  | { add: number; path: string; everyMs: number }
  | { remove: number };

/** What the thread answers: a failed checkpoint, or a file let go. */
export type CheckpointReply = { id: number; error: string } | { id: number; removed: true };

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.ts runs only as a worker thread');

const files = new Map<number, { db: Database.Database; timer: NodeJS.Timeout }>();

port.on('message', (command: CheckpointCommand) => {
  if ('add' in command) {
    const id = command.add;
    const db = new Database(command.path);
    db.pragma('busy_timeout = 5000');
    const timer = setInterval(() => {
      try {
        // PASSIVE never waits for the writer or for readers: it copies what
        // it can now and leaves the rest for the next round.
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        port.postMessage({ id, error: (error as Error).message } satisfies CheckpointReply);
      }
    }, command.everyMs);
    files.set(id, { db, timer });
    return;
  }
  const file = files.get(command.remove);
  if (file) {
    clearInterval(file.timer);
    file.db.close();
    files.delete(command.remove);
  }
  port.postMessage({ id: command.remove, removed: true } satisfies CheckpointReply);
});
