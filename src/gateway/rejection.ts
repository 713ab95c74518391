import type { Identity } from '../identity/key-record.js';

/** A request the gateway refused: who, from where, why, and by which rule. */
export interface Rejection {
  requestId: string;
  time: Date;
  address: string;
  /** Known when the key was valid (limits, budgets); absent for failed keys. */
  identity: Identity | undefined;
  code: string;
  rule: string | undefined;
}

/** Where rejections are kept. */
export interface RejectionStore {
  record(rejection: Rejection): Promise<void>;
  /** The newest rejections first. */
  recent(limit: number): Promise<Record<string, unknown>[]>;
}
