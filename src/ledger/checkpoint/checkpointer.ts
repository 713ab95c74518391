import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../observability/logger.js';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { CompactRange } from '../merkle/compact-range.js';
import type { TreeReader } from '../merkle/tree-reader.js';
import { verifyConsistency } from '../merkle/verify-proofs.js';
import type { CheckpointRow, LedgerStore } from '../store/ledger-store.js';
import { formatCheckpoint } from './checkpoint-text.js';
import type { NoteSigner } from './note-keys.js';
import { formatNote } from './signed-note.js';
import { submitToWitness } from './witness-client.js';

/** Options of the checkpointer; durations in milliseconds. */
export interface CheckpointerOptions {
  store: LedgerStore;
  reader: TreeReader;
  signer: NoteSigner;
  origin: string;
  dir?: string | undefined;
  witnesses: readonly { url: string }[];
  logger?: Logger | undefined;
}

/**
 * Issues signed checkpoints of the ledger (C2SP tlog-checkpoint as a C2SP
 * signed note). Before signing it proves that the new tree extends the last
 * signed one, so the log never signs two inconsistent checkpoints, even
 * after its database was tampered with. One issuance runs at a time.
 */
export class Checkpointer {
  readonly #o: CheckpointerOptions;
  #running: Promise<CheckpointRow | undefined> | undefined;
  #next: Promise<CheckpointRow | undefined> | undefined;
  #witnessing: Promise<void> = Promise.resolve();

  constructor(options: CheckpointerOptions) {
    this.#o = options;
  }

  /**
   * Signs a checkpoint of the current tree unless the latest already covers
   * it. The result covers every entry committed before the call: a call made
   * while one runs waits for it and then issues again.
   *
   * @throws TokenwardenError `ledger_inconsistent` when the tree does not
   *   extend the last signed checkpoint.
   */
  issue(): Promise<CheckpointRow | undefined> {
    if (this.#running) {
      this.#next ??= this.#running.catch(() => undefined).then(() => {
        this.#next = undefined;
        return this.issue();
      });
      return this.#next;
    }
    this.#running = this.#issue().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Resolves when witness submissions started so far have finished. */
  settled(): Promise<void> {
    return this.#witnessing;
  }

  async #issue(): Promise<CheckpointRow | undefined> {
    const { store, signer, origin } = this.#o;
    const state = await store.treeState();
    const latest = await store.latestCheckpoint();
    if (latest && latest.size === state.size) return latest;
    if (state.size === 0) return undefined;

    const root = new CompactRange(state.size, state.edge).root();
    if (latest) await this.#checkExtends(latest, state.size, root);

    const text = formatCheckpoint({ origin, size: state.size, root });
    const note = formatNote(text, [signer.sign(text)]);
    const row = { size: state.size, root, note, time: new Date().toISOString() };
    await store.addCheckpoint(row);

    await this.#writeFile(row);
    this.#witness(row);
    return row;
  }

  async #checkExtends(latest: CheckpointRow, size: number, root: Buffer): Promise<void> {
    const refuse = (why: string): never => {
      throw new TokenwardenError('ledger_inconsistent',
        `Refusing to sign a checkpoint of size ${size}: ${why}`);
    };
    if (latest.size > size) refuse(`the last checkpoint covers ${latest.size} entries`);
    const proof = await this.#o.reader.consistency(latest.size, size);
    if (!verifyConsistency(latest.size, size, latest.root, root, proof)) {
      refuse(`the tree does not extend the checkpoint of size ${latest.size}`);
    }
  }

  async #writeFile(row: CheckpointRow): Promise<void> {
    if (!this.#o.dir) return;
    try {
      await mkdir(this.#o.dir, { recursive: true });
      const name = `checkpoint-${String(row.size).padStart(12, '0')}.txt`;
      await writeFile(join(this.#o.dir, name), row.note);
      await writeFile(join(this.#o.dir, 'checkpoint-latest.txt'), row.note);
    } catch (error) {
      this.#o.logger?.error({ err: error, dir: this.#o.dir }, 'cannot write checkpoint file');
    }
  }

  /** Witnesses are asked in the background, one checkpoint after another. */
  #witness(row: CheckpointRow): void {
    const { witnesses, store, reader, logger } = this.#o;
    if (witnesses.length === 0) return;
    this.#witnessing = this.#witnessing.then(async () => {
      for (const { url } of witnesses) {
        try {
          const result = await submitToWitness({
            url, note: row.note, size: row.size, store, reader,
          });
          if (result.ok) logger?.info({ witness: url, size: row.size }, 'checkpoint cosigned');
          else logger?.warn({ witness: url, size: row.size, error: result.error },
            'witness refused the checkpoint');
        } catch (error) {
          logger?.warn({ witness: url, err: error }, 'witness unreachable');
        }
      }
    });
  }
}
