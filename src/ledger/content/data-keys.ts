import { randomBytes } from 'node:crypto';
import type { LedgerStore } from '../store/ledger-store.js';
import { open, seal } from './content-cipher.js';

/** An unwrapped data key and its id in the store. */
export interface DataKey {
  id: number;
  key: Buffer;
}

/**
 * Per-subject data keys (crypto-shredding): content is sealed under its
 * user's key, which is wrapped by the master key. Destroying the wrapped
 * key makes that user's content unreadable while every leaf stays.
 */
export class DataKeyring {
  readonly #store: LedgerStore;
  readonly #master: Buffer;
  readonly #active = new Map<string, DataKey>();
  #epoch = -1;

  constructor(store: LedgerStore, master: Buffer) {
    this.#store = store;
    this.#master = master;
  }

  /** Makes sure every subject has an active key in memory; cheap when cached. */
  async ensure(subjects: Iterable<string>): Promise<void> {
    const epoch = await this.#store.eraseEpoch();
    if (epoch !== this.#epoch) {
      this.#active.clear();
      this.#epoch = epoch;
    }
    const missing = [...new Set(subjects)].filter((s) => !this.#active.has(s));
    if (missing.length === 0) return;

    const rows = await this.#store.ensureDataKeys(missing,
      (subject) => seal(this.#master, randomBytes(32), `data-key:${subject}`));
    for (const [subject, row] of rows) {
      if (!row.wrapped) continue;
      this.#active.set(subject, { id: row.id, key: this.#unwrap(row.wrapped, subject) });
    }
  }

  /** The active key of a subject, after `ensure`. */
  active(subject: string): DataKey | undefined {
    return this.#active.get(subject);
  }

  /** The key with this id, or undefined once erased. */
  async byId(id: number): Promise<Buffer | undefined> {
    const row = await this.#store.dataKey(id);
    return row?.wrapped ? this.#unwrap(row.wrapped, row.subject) : undefined;
  }

  #unwrap(wrapped: Buffer, subject: string): Buffer {
    return open(this.#master, wrapped, `data-key:${subject}`);
  }
}
