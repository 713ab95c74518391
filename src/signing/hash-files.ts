import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Below this total size, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** Read size for streamed hashing: large enough to keep syscalls rare. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The worker's code, given as source so that it runs the same from the
 * TypeScript sources (tests) and from the compiled `dist/`. Each worker
 * hashes whole files it is sent, streamed in fixed-size chunks.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(${CHUNK_BYTES});
parentPort.on('message', ({ index, path }) => {
  try {
    const hash = createHash('sha256');
    const fd = openSync(path, 'r');
    try {
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
        hash.update(buffer.subarray(0, n));
      }
    } finally { closeSync(fd); }
    parentPort.postMessage({ index, digest: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ index, error: String(error && error.message || error) });
  }
});
`;

/** Streams one file through SHA-256 on the calling thread; returns hex. */
export function hashFileSync(path: string, buffer = Buffer.allocUnsafe(CHUNK_BYTES)): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * SHA-256 (hex) of each file, in the order given. Large sets are hashed by
 * a pool of worker threads, one file per worker at a time, largest first
 * so that one big file does not start last.
 * @throws Error naming the file when one cannot be read.
 */
export async function hashFiles(paths: readonly string[]): Promise<string[]> {
  const sizes = paths.map((path) => statSync(path).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.min(availableParallelism(), paths.length);
  if (total < PARALLEL_THRESHOLD_BYTES || threads < 2) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    return paths.map((path) => hashFileSync(path, buffer));
  }

  const order = paths.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0));
  const digests = new Array<string>(paths.length);
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true }));
  try {
    await Promise.all(workers.map((worker) => drain(worker, order, paths, digests)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return digests;
}

interface WorkerReply {
  index: number;
  digest?: string;
  error?: string;
}

/** Feeds one worker from the shared queue until it is empty. */
function drain(
  worker: Worker,
  queue: number[],
  paths: readonly string[],
  digests: string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = () => {
      const index = queue.shift();
      if (index === undefined) resolve();
      else worker.postMessage({ index, path: paths[index] });
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.error !== undefined) {
        reject(new Error(`Cannot hash ${paths[reply.index]}: ${reply.error}`));
        return;
      }
      digests[reply.index] = reply.digest ?? '';
      next();
    });
    worker.on('error', reject);
    next();
  });
}
