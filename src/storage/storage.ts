import type { BanStore } from '../bans/ban-store.js';
import type { BudgetStore } from '../budgets/budget-store.js';
import type { RejectionStore } from '../gateway/rejection.js';
import type { KeyRecord, NewKey } from '../identity/key-record.js';
import type { RequestRecord } from '../metering/request-record.js';
import type { UsageQuery, UsageRow } from '../metering/usage-summary.js';

/** Gateway keys: only hashes are stored, never the key itself. */
export interface KeyStore {
  create(key: NewKey): Promise<KeyRecord>;
  findByHash(hash: string): Promise<KeyRecord | undefined>;
  findById(id: string): Promise<KeyRecord | undefined>;
  list(): Promise<KeyRecord[]>;
  /** Marks a key revoked; returns it, or undefined when no key has that id. */
  revoke(id: string, at: Date): Promise<KeyRecord | undefined>;
}

/** One row per request that reached a provider, with its usage and cost. */
export interface RequestStore {
  /**
   * Writes one request record. Resolves once the record is committed (group
   * commit: concurrent calls share one transaction).
   *
   * @throws TokenwardenError `storage_unavailable` when the write failed.
   */
  record(row: RequestRecord): Promise<void>;
  /** Sums usage per group over a time range. */
  summarize(query: UsageQuery): Promise<UsageRow[]>;
  /** One stored record by request id (tests, admin). */
  get(id: string): Promise<RequestRecord | undefined>;
}

/**
 * Everything the gateway keeps, behind async methods so that a networked
 * backend can implement the same interface without touching callers.
 */
export interface Storage {
  readonly keys: KeyStore;
  readonly requests: RequestStore;
  readonly budgets: BudgetStore;
  readonly bans: BanStore;
  readonly rejections: RejectionStore;
  /**
   * True when the backend can commit: a small write goes through the same
   * path as request records, so a full disk or a read-only file shows here.
   */
  ping(): Promise<boolean>;
  /** Writes kept because the backend could not take them yet (a full disk). */
  unwritten(): number;
  /** Flushes pending writes and closes. */
  close(): Promise<void>;
}
