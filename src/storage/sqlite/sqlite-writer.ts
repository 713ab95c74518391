import type { Database } from 'better-sqlite3';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { GroupCommit } from '../group-commit.js';
import { isRetryableWriteError } from './retryable.js';
import { WriteStatements, type WriteOp } from './write-ops.js';

/** How a long-running writer keeps writes the file could not take (a full disk). */
export interface WriteRetry {
  /** Time between two attempts. */
  everyMs: number;
  /** Writes kept at most; past it the oldest are given to `report` as dropped. */
  maxOps: number;
  /** Told when writes start waiting, when they are written, and when some are dropped. */
  report: (event: RetryEvent) => void;
}

export type RetryEvent =
  | { kind: 'waiting'; ops: number; error: string }
  | { kind: 'written'; ops: number }
  | { kind: 'dropped'; ops: readonly WriteOp[]; error: string };

/**
 * The one writer of a SQLite file's hot-path tables: every store queues its
 * writes here, and all writes queued in the same turn of the event loop
 * (request records, budget spending, rejections) commit in one transaction,
 * so a request costs one commit however many tables it touches.
 *
 * With `retry` (the gateway), a batch the file cannot take for now (a full
 * disk, an I/O error) still fails its callers, but its writes are kept and
 * tried again every `everyMs` until they go through: a request whose answer
 * was refused for want of space is still metered and its spending still
 * counted once there is space. The writes are independent rows and
 * counter increments, so the order they land in does not matter.
 */
export class SqliteWriter {
  readonly #commit: GroupCommit<WriteOp>;
  readonly #statements: WriteStatements;
  readonly #retry: WriteRetry | undefined;
  #waiting: WriteOp[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(db: Database, options: { retry?: WriteRetry } = {}) {
    this.#statements = new WriteStatements(db);
    this.#retry = options.retry;
    this.#commit = new GroupCommit((ops) => {
      try {
        this.#statements.apply(ops);
      } catch (error) {
        this.#keep(ops, error);
        throw new TokenwardenError('storage_unavailable',
          `Cannot write to the database: ${(error as Error).message}`, { cause: error });
      }
    });
  }

  /** Queues a write; resolves once its transaction committed. */
  write(op: WriteOp): Promise<void> {
    return this.#commit.add(op);
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.#commit.flush();
  }

  /** Writes still waiting for the file to take them. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Flushes, tries the waiting writes a last time, and reports those still unwritten. */
  async close(): Promise<void> {
    await this.#commit.flush().catch(() => undefined);
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#tryWaiting();
    if (this.#waiting.length > 0) {
      this.#retry?.report({ kind: 'dropped', ops: this.#waiting,
        error: 'the gateway stopped before the file took them' });
      this.#waiting = [];
    }
  }

  #keep(ops: readonly WriteOp[], error: unknown): void {
    const retry = this.#retry;
    if (!retry || !isRetryableWriteError(error)) return;
    if (this.#waiting.length === 0) {
      retry.report({ kind: 'waiting', ops: ops.length, error: (error as Error).message });
    }
    this.#waiting.push(...ops);
    const excess = this.#waiting.length - retry.maxOps;
    if (excess > 0) {
      retry.report({ kind: 'dropped', ops: this.#waiting.splice(0, excess),
        error: `more than ${retry.maxOps} writes waiting` });
    }
    this.#timer ??= setInterval(() => this.#tryWaiting(), retry.everyMs).unref();
  }

  #tryWaiting(): void {
    const ops = this.#waiting;
    if (ops.length === 0) return;
    try {
      this.#statements.apply(ops);
      this.#waiting = [];
    } catch (error) {
      if (isRetryableWriteError(error)) return;
      // One write the file refuses for what it is (a constraint) must not
      // hold back the others for ever: they go one by one, it is dropped.
      this.#waiting = this.#applyEach(ops);
      if (this.#waiting.length > 0) return;
    }
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#retry?.report({ kind: 'written', ops: ops.length });
  }

  /** Applies each write alone, dropping those refused; returns those still waiting. */
  #applyEach(ops: readonly WriteOp[]): WriteOp[] {
    for (let index = 0; index < ops.length; index++) {
      const op = ops[index] as WriteOp;
      try {
        this.#statements.apply([op]);
      } catch (error) {
        if (isRetryableWriteError(error)) return ops.slice(index);
        this.#retry?.report({ kind: 'dropped', ops: [op], error: (error as Error).message });
      }
    }
    return [];
  }
}
