import type { Logger } from '../observability/logger.js';
import { FailureLog } from '../observability/failure-log.js';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { Checkpointer } from './checkpoint/checkpointer.js';
import type { LedgerConfig } from './config.js';
import { applyRetention } from './content/apply-retention.js';
import { ContentBatch } from './content/content-batch.js';
import { leafHash } from './merkle/hash.js';
import { CompactRange, type TreeNode } from './merkle/compact-range.js';
import { openLedgerContext, type LedgerContext } from './ledger-context.js';
import { indexAnswers } from './provenance/index-answers.js';
import { prepareRequest, subjectOf } from './record-request.js';
import type { AppendRecord, CheckpointRow } from './store/ledger-store.js';
import { isRetryableWriteError } from '../storage/sqlite/retryable.js';

/** One request through the gateway, as the gateway hands it to the ledger. */
export interface LedgerRequest {
  requestId: string;
  /** ISO 8601. */
  time: string;
  /** e.g. /v1/chat/completions */
  endpoint: string;
  identity: { keyId?: string; user?: string; department?: string; agent?: string };
  provider?: string;
  model?: string;
  status: number;
  outcome: 'ok' | 'error' | 'blocked' | 'cancelled' | 'cut_off';
  errorCode?: string;
  usage?: {
    inputTokens: number; cachedTokens: number; cacheWriteTokens: number;
    outputTokens: number; reasoningTokens: number; estimated: boolean;
  };
  costUsd?: number;
  findings: { ruleId: string; kind: string; action: string }[];
  /** The request body as sent upstream (JSON text). */
  prompt: string;
  /** The response body as received (JSON text, or the SSE text of a stream). */
  answer: string;
  /** The plain text of the model's answer, for provenance. */
  answerText: string;
}

/** Options of `Ledger.open`. */
export interface LedgerOpenOptions {
  dataDir: string;
  config: LedgerConfig;
  logger?: Logger;
  /**
   * Run the checkpoint and retention timers (default true). Commands that
   * only read or add one entry turn them off.
   */
  background?: boolean;
  /**
   * Most entries per transaction (default 1,024, which bounds how long one
   * synchronous commit holds the event loop). 1 turns group commit off; the
   * benchmark uses that as its baseline.
   */
  maxBatch?: number;
}

/** Builds a record once keys are loaded; returns its maker given a seq. */
export type PrepareRecord = (contents: ContentBatch) => (seq: number) => AppendRecord;

/** An entry waiting for the next group commit. */
interface Pending {
  /** The request id, to name the entry in the log if it is given up on. */
  id: string;
  /**
   * Kept and appended later when the store cannot take it now: true for
   * request entries, which nobody else would write again; an attestation's
   * author sees the error and may attest again.
   */
  keep: boolean;
  subject: string;
  prepare: PrepareRecord;
  resolve: (index: number) => void;
  reject: (error: unknown) => void;
}

/** A prepared entry: its maker runs in the write transaction, once the seq is known. */
interface Maker {
  item: Pending;
  make: (seq: number) => AppendRecord;
}

/** How often entries kept for want of space are tried again. */
const RETRY_EVERY_MS = 1_000;
/** Entries kept at most while the store cannot take them. */
const MAX_UNWRITTEN = 10_000;

/** Most entries written by one transaction, unless `maxBatch` says otherwise. */
const MAX_BATCH = 1_024;
const RETENTION_EVERY_MS = 3_600_000;
const INDEX_EVERY_MS = 5_000;
// Entries indexed per transaction. Each batch decrypts and fingerprints its
// answers on the event loop and holds their content in memory. Before a
// search, when someone waits, batches are large (the inserts sort well); in
// the background, beside requests, they are small enough (one to two
// milliseconds) that no request waits long behind one.
const INDEX_BATCH = 250;
const BACKGROUND_INDEX_BATCH = 32;

/**
 * The tamper-evident ledger: one entry per request, in an RFC 9162 Merkle
 * tree, with signed checkpoints. `append` is cheap: it queues the entry and
 * a group commit writes every queued entry in one transaction, after which
 * all their promises resolve together.
 */
export class Ledger {
  /** The store, keys and configuration, for the audit operations. */
  readonly context: LedgerContext;
  readonly checkpointer: Checkpointer;
  #queue: Pending[] = [];
  #scheduled = false;
  #flushing: Promise<void> = Promise.resolve();
  readonly #batchFailures: FailureLog;
  #closed = false;
  #sinceCheckpoint = 0;
  #indexing: Promise<void> | undefined;
  /** Entries the store could not take (a full disk), tried again every second. */
  #unwritten: Pending[] = [];
  #retryTimer: NodeJS.Timeout | undefined;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #maxBatch: number;

  private constructor(context: LedgerContext, maxBatch: number) {
    this.context = context;
    this.#maxBatch = Math.max(1, maxBatch);
    this.#batchFailures = new FailureLog(context.logger, 'ledger batch not written');
    const { config, store, reader, signer, logger } = context;
    this.checkpointer = new Checkpointer({
      store, reader, signer, origin: config.origin, dir: config.checkpoint_dir,
      witnesses: config.witnesses, logger,
    });
  }

  /**
   * Opens the ledger in `dataDir` (`ledger.db`, keys made at first start).
   *
   * @throws TokenwardenError `ledger_key_invalid` for a malformed key file.
   */
  static async open(options: LedgerOpenOptions): Promise<Ledger> {
    const ledger = new Ledger(openLedgerContext(options), options.maxBatch ?? MAX_BATCH);
    if (options.background ?? true) ledger.#startTimers();
    return ledger;
  }

  /**
   * Queues one request's entry. Resolves with its index once the entry is
   * committed to disk together with the rest of its batch.
   *
   * @throws TokenwardenError `ledger_closed` after `close`, `storage_unavailable`
   *   when the batch could not be written.
   */
  append(request: LedgerRequest): Promise<{ index: number }> {
    const { keyring, config } = this.context;
    const subject = subjectOf(request.identity);
    return this.#enqueue({ subject, id: request.requestId, keep: true }, (contents) => {
      const key = keyring.active(subject);
      if (!key) throw new TokenwardenError('internal_error', `no data key for ${subject}`);
      return prepareRequest(request, { key, storeContent: config.store_content, contents });
    }).then((index) => ({ index }));
  }

  /**
   * Queues any record (used by attestations). `prepare` runs after the
   * subject's data key is loaded; the maker it returns runs inside the
   * write transaction once the seq is known. `id` names the request the
   * record is about.
   */
  enqueue(subject: string, id: string, prepare: PrepareRecord): Promise<number> {
    return this.#enqueue({ subject, id, keep: false }, prepare);
  }

  #enqueue(entry: { subject: string; id: string; keep: boolean }, prepare: PrepareRecord)
    : Promise<number> {
    if (this.#closed) return Promise.reject(new TokenwardenError('ledger_closed'));
    return new Promise<number>((resolve, reject) => {
      this.#queue.push({ ...entry, prepare, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const run = (): void => {
      // A failed flush must not stop the chain, or every later append would hang.
      this.#flushing = this.#flushing.then(() => this.#flush()).catch((error: unknown) => {
        this.context.logger?.error({ err: error }, 'ledger flush failed');
      });
    };
    const window = this.context.config.commit_window;
    if (window > 0) setTimeout(run, window);
    else setImmediate(run);
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#queue.splice(0, this.#maxBatch);
    if (this.#queue.length > 0) this.#schedule();
    if (batch.length === 0) return;

    const makers = await this.#prepareAll(batch);
    const written: { item: Pending; seq: number }[] = [];
    try {
      await this.context.store.appendBatch((tree) => {
        written.length = 0;
        const range = new CompactRange(tree.size, tree.edge);
        const records: AppendRecord[] = [];
        const nodes: TreeNode[] = [];
        for (const { item, make } of makers) {
          const seq = range.size;
          let record: AppendRecord;
          try {
            record = make(seq);
          } catch (error) {
            item.reject(error);
            continue;
          }
          for (const node of range.append(leafHash(record.entry.body))) nodes.push(node);
          records.push(record);
          written.push({ item, seq });
        }
        return { records, nodes, state: { size: range.size, edge: range.edge } };
      });
      for (const { item, seq } of written) item.resolve(seq);
      this.#afterCommit(written.length);
      this.#batchFailures.succeeded();
    } catch (error) {
      this.#batchFailures.failed({ err: error });
      const failure = new TokenwardenError('storage_unavailable',
        'The ledger could not write its entries', { cause: error });
      const items = makers.map(({ item }) => item);
      for (const item of items) item.reject(failure);
      this.#keep(items, error);
    }
  }

  /**
   * Keeps entries the store could not take for now (a full disk): their
   * callers have had their error, and the entries are appended once there
   * is space, so the ledger still records every request that reached a
   * provider. At most MAX_UNWRITTEN wait; past that the oldest are named in
   * the log and given up.
   */
  #keep(items: readonly Pending[], error: unknown): void {
    if (!isRetryableWriteError(error)) return;
    const settled = () => undefined;
    for (const item of items) {
      if (item.keep) this.#unwritten.push({ ...item, resolve: settled, reject: settled });
    }
    if (this.#unwritten.length === 0) return;
    const excess = this.#unwritten.length - MAX_UNWRITTEN;
    if (excess > 0) this.#giveUp(this.#unwritten.splice(0, excess), 'too many entries waiting');
    this.#retryTimer ??= setInterval(() => this.#retryUnwritten(), RETRY_EVERY_MS).unref();
  }

  /** Request entries kept because the store could not take them yet. */
  get unwritten(): number {
    return this.#unwritten.length;
  }

  #retryUnwritten(): void {
    const items = this.#unwritten;
    this.#unwritten = [];
    if (items.length === 0) {
      clearInterval(this.#retryTimer);
      this.#retryTimer = undefined;
      return;
    }
    this.#queue.unshift(...items);
    this.#schedule();
  }

  #giveUp(items: readonly Pending[], reason: string): void {
    if (items.length === 0) return;
    this.context.logger?.error({ requests: items.map((item) => item.id), reason },
      'ledger entries given up on: these requests have no entry');
  }

  /** Loads the data keys of the batch, then prepares each record; a bad one fails alone. */
  async #prepareAll(batch: Pending[]): Promise<Maker[]> {
    try {
      await this.context.keyring.ensure(batch.map((p) => p.subject));
    } catch (error) {
      const failure = new TokenwardenError('storage_unavailable',
        'The ledger could not load its data keys', { cause: error });
      batch.forEach((item) => item.reject(failure));
      this.#keep(batch, error);
      return [];
    }
    const contents = new ContentBatch();
    const makers: Maker[] = [];
    for (const item of batch) {
      try {
        makers.push({ item, make: item.prepare(contents) });
      } catch (error) {
        item.reject(error);
      }
    }
    contents.seal();
    return makers;
  }

  #afterCommit(added: number): void {
    this.#sinceCheckpoint += added;
    if (this.#timers.length === 0) return;
    if (this.#sinceCheckpoint >= this.context.config.checkpoint_entries) this.#checkpointSoon();
  }

  #checkpointSoon(): void {
    this.#sinceCheckpoint = 0;
    this.checkpointer.issue().catch((error: unknown) => {
      this.context.logger?.error({ err: error }, 'checkpoint not issued');
    });
  }

  #startTimers(): void {
    const { config, logger } = this.context;
    // A long-running writer: the WAL is copied back by a thread of its own.
    const checkpointFailures = new FailureLog(logger, 'ledger WAL checkpoint failed');
    this.context.store.offloadWalCheckpoints((message) => checkpointFailures.failed({ message }));
    const tick = setInterval(() => {
      if (this.#sinceCheckpoint > 0) this.#checkpointSoon();
    }, Math.max(config.checkpoint_interval, 1_000));
    this.#timers.push(tick);

    const retain = (): void => {
      applyRetention(this.context).catch((error: unknown) => {
        logger?.error({ err: error }, 'retention failed');
      });
    };
    this.#timers.push(setInterval(retain, RETENTION_EVERY_MS));
    this.#timers.push(setInterval(() => {
      this.indexProvenance(BACKGROUND_INDEX_BATCH).catch((error: unknown) => {
        logger?.error({ err: error }, 'provenance indexing failed');
      });
    }, INDEX_EVERY_MS));
    setImmediate(retain);
    this.#timers.forEach((timer) => timer.unref());
  }

  /**
   * Brings the provenance index up to date with every committed entry: the
   * answers are fingerprinted from their stored content and indexed here in
   * sorted batches of `batch` entries, every few seconds and before each
   * provenance search, rather than on each append.
   */
  indexProvenance(batch = INDEX_BATCH): Promise<void> {
    this.#indexing ??= (async () => {
      try {
        while (await indexAnswers(this.context, batch) > 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      } finally {
        this.#indexing = undefined;
      }
    })();
    return this.#indexing;
  }

  /** Waits until every entry queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#scheduled) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await this.#flushing;
    }
    await this.#flushing;
  }

  /** Signs a checkpoint of everything committed so far, or returns the latest. */
  async checkpoint(): Promise<CheckpointRow | undefined> {
    await this.drain();
    this.#sinceCheckpoint = 0;
    return this.checkpointer.issue();
  }

  /**
   * Stops taking entries, commits what is queued, signs a last checkpoint
   * when the background timers ran, and closes the store.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.drain();
    // A last try for entries kept for want of space, then their ids go to the log.
    clearInterval(this.#retryTimer);
    this.#retryTimer = undefined;
    if (this.#unwritten.length > 0) {
      const last = this.#unwritten;
      this.#unwritten = [];
      this.#queue.push(...last);
      this.#schedule();
      await this.drain();
      this.#giveUp(this.#unwritten, 'the gateway stopped before the store took them');
      this.#unwritten = [];
    }
    const timed = this.#timers.length > 0;
    this.#timers.forEach((timer) => clearInterval(timer));
    if (timed && this.#sinceCheckpoint > 0) {
      await this.checkpointer.issue().catch((error: unknown) => {
        this.context.logger?.error({ err: error }, 'final checkpoint not issued');
      });
    }
    await this.checkpointer.settled();
    await this.indexProvenance().catch((error: unknown) => {
      this.context.logger?.error({ err: error }, 'provenance indexing failed');
    });
    await this.context.store.close();
  }
}
