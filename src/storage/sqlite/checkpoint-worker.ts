// The checkpoint thread's entry: for each file it is given, copies the WAL's
// committed pages back into the database every `everyMs`, on a connection
// of its own, so the connection that writes (with its automatic checkpoints
// turned off) never pays for the copy or for the syncs that go with it.
//
// A WAL starts over from its beginning only when a writer finds every frame
// copied back. Under steady writes some commit always lands while this
// thread copies, so that never happens and the file grows without end (46 GB
// in a million-entry ledger benchmark). Once a file's WAL holds more than
// `restartPages` frames, the thread therefore asks the writing thread to
// copy the last few frames itself, between two of its commits
// (`restart_wal`), and pauses its own copying until that is done (`restarted`;
// two checkpoints of one file cannot run at once): nothing can land during
// that copy, and the next commit starts the WAL over.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What the main thread posts: start checkpointing a file, a WAL restart done, or stop. */
export type CheckpointCommand =
  | { add: number; path: string; everyMs: number; restartPages: number }
  | { restarted: number }
  | { remove: number };

/** What the thread says: a failed checkpoint, a WAL to start over, or a file let go. */
export type CheckpointReply =
  | { id: number; error: string }
  | { id: number; restart_wal: true }
  | { id: number; removed: true };

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.ts runs only as a worker thread');

interface File {
  db: Database.Database;
  timer: NodeJS.Timeout;
  /** True while the writing thread makes the WAL start over. */
  restarting: boolean;
}

const files = new Map<number, File>();

port.on('message', (command: CheckpointCommand) => {
  if ('add' in command) {
    const id = command.add;
    const db = new Database(command.path);
    db.pragma('busy_timeout = 5000');
    const timer = setInterval(() => {
      if (file.restarting) return;
      try {
        // PASSIVE never waits for the writer or for readers: it copies what
        // it can now and leaves the rest for the next round.
        const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
        if (result && result.log > command.restartPages) {
          file.restarting = true;
          port.postMessage({ id, restart_wal: true } satisfies CheckpointReply);
        }
      } catch (error) {
        port.postMessage({ id, error: (error as Error).message } satisfies CheckpointReply);
      }
    }, command.everyMs);
    const file: File = { db, timer, restarting: false };
    files.set(id, file);
    return;
  }
  if ('restarted' in command) {
    const file = files.get(command.restarted);
    if (file) file.restarting = false;
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
