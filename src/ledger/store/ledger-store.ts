import type { TreeNode } from '../merkle/compact-range.js';

/** What an entry is: a request through the gateway, or a human's attestation of one. */
export type EntryType = 'request' | 'attestation';

/** One entry as stored: the exact bytes that were hashed, plus columns for look-ups. */
export interface EntryRow {
  seq: number;
  requestId: string;
  type: EntryType;
  time: string;
  user?: string | undefined;
  department?: string | undefined;
  agent?: string | undefined;
  outcome?: string | undefined;
  /** Canonical JSON of the entry, the leaf data of RFC 9162 §2.1.1. */
  body: Buffer;
}

/** An attestation as indexed for queries (the entry itself is the evidence). */
export interface AttestationRow {
  seq: number;
  targetSeq: number;
  by: string;
  verdict: string;
}

/**
 * The encrypted content of one subject's entries in one group commit:
 * sealed once (AES-256-GCM) under the subject's data key, because setting
 * up a cipher costs more than encrypting a few kilobytes.
 */
export interface ContentBlob {
  keyId: number;
  /** AES-GCM nonce and tag; filled in before the transaction starts. */
  header: Buffer;
  /** Ciphertext; filled in before the transaction starts. */
  sealed: Buffer;
  /** Set by the store when written. */
  id?: number;
}

/** Where an entry's content sits inside a blob; placed when the batch is sealed. */
export interface ContentRef {
  blob: ContentBlob;
  offset: number;
  length: number;
}

/** An entry's content as read back: its whole blob and its slice of the plaintext. */
export interface StoredContent {
  keyId: number;
  header: Buffer;
  sealed: Buffer;
  offset: number;
  length: number;
}

/** One entry with everything written beside it in the same transaction. */
export interface AppendRecord {
  entry: EntryRow;
  content?: ContentRef | undefined;
  attestation?: AttestationRow | undefined;
}

/** The tree as the store holds it: its size and right edge (biggest subtree first). */
export interface TreeState {
  size: number;
  edge: Buffer[];
}

/** The rows one group commit writes. */
export interface PreparedBatch {
  records: AppendRecord[];
  nodes: TreeNode[];
  /** The tree after the batch. */
  state: TreeState;
}

/** A sealed blob as read back for indexing. */
export interface StoredBlob {
  keyId: number;
  header: Buffer;
  sealed: Buffer;
}

/** Request entries whose answers the provenance index has not taken yet. */
export interface IndexWork {
  /** Where each entry's content frame sits in its blob. */
  entries: { seq: number; blobId: number; offset: number; length: number }[];
  blobs: Map<number, StoredBlob>;
  /** Content rows read (of any entry type); 0 when the index is caught up. */
  read: number;
  /** The index mark after these rows. */
  next: number;
}

/** A signed checkpoint as stored. */
export interface CheckpointRow {
  size: number;
  root: Buffer;
  /** The whole signed note (C2SP signed-note), checkpoint text and signature lines. */
  note: string;
  time: string;
}

/** A witness's cosignature lines for one checkpoint. */
export interface CosignatureRow {
  size: number;
  witness: string;
  lines: string;
  time: string;
}

/** A data key as stored: wrapped by the master key, or null once erased. */
export interface DataKeyRow {
  id: number;
  subject: string;
  wrapped: Buffer | null;
}

/** A request entry that falls under an oversight rule, with its attestations. */
export interface OversightCandidate {
  entry: EntryRow;
  attestations: AttestationRow[];
}

/**
 * Everything the ledger keeps, behind async methods so that a PostgreSQL
 * store can replace SQLite without touching callers. One store instance is
 * the sequencer while it holds the write transaction: `appendBatch` reads
 * the tree inside that transaction, so replicas sharing a database integrate
 * their batches one after another, in one order.
 */
export interface LedgerStore {
  /**
   * The database file, for threads that open their own read-only
   * connection to verify the ledger side by side; undefined when no other
   * connection can see the same data (a database in memory).
   */
  readonly file: string | undefined;
  /**
   * Runs `prepare` on the current tree inside one write transaction and
   * writes what it returns. Resolves once the transaction is committed.
   */
  appendBatch(prepare: (state: TreeState) => PreparedBatch): Promise<TreeState>;
  /** Number of entries (last seq + 1), without reading the tree. */
  size(): Promise<number>;
  /** The current tree size and right edge. */
  treeState(): Promise<TreeState>;
  /** Stored full-subtree hashes, keyed by `nodeKey(level, index)`; missing ones absent. */
  nodes(positions: readonly { level: number; index: number }[]): Promise<Map<number, Buffer>>;
  /** Entries with seq >= from in seq order, at most `limit`. */
  entriesFrom(from: number, limit: number): Promise<EntryRow[]>;
  /**
   * Just seq and bytes of entries with seq >= from, in seq order, as
   * `[seq, body]` pairs: verification reads millions, so no object per row.
   */
  entryBodies(from: number, limit: number): Promise<[seq: number, body: Buffer][]>;
  /**
   * Node rows with from <= key < to, in key order, as `[key, hash]` with the
   * hash in lowercase hex: verification compares millions, and a string per
   * hash costs a fraction of a Buffer.
   */
  nodeHashesBetween(from: number, to: number): Promise<[key: number, hash: string][]>;
  entryBySeq(seq: number): Promise<EntryRow | undefined>;
  /** The request entry with this request id. */
  requestEntry(requestId: string): Promise<EntryRow | undefined>;
  attestationsFor(targetSeq: number): Promise<AttestationRow[]>;
  /** Request entries whose agent, department or user is among those given. */
  oversightCandidates(scopes: { agents: string[]; departments: string[]; users: string[] },
    limit: number): Promise<OversightCandidate[]>;
  content(seq: number): Promise<StoredContent | undefined>;

  /** Active data keys of these subjects, made with `make` where missing. */
  ensureDataKeys(subjects: readonly string[], make: (subject: string) => Buffer)
    : Promise<Map<string, DataKeyRow>>;
  dataKey(id: number): Promise<DataKeyRow | undefined>;
  /** Destroys every data key of a subject; returns how many were destroyed. */
  eraseSubject(subject: string): Promise<number>;
  /** Bumped by every erasure, so writers drop cached keys. */
  eraseEpoch(): Promise<number>;
  /** Deletes fingerprints of entries sealed under the subject's keys; returns entries touched. */
  forgetSubjectFingerprints(subject: string): Promise<number>;

  /** Deletes content and fingerprints of entries older than `time`; returns rows deleted. */
  deleteContentBefore(time: string): Promise<number>;

  /** Stores a checkpoint with a synced commit, so no entry it covers can be lost later. */
  addCheckpoint(row: CheckpointRow): Promise<void>;
  latestCheckpoint(): Promise<CheckpointRow | undefined>;
  checkpoints(): Promise<CheckpointRow[]>;
  addCosignature(row: CosignatureRow): Promise<void>;
  cosignatures(size: number): Promise<CosignatureRow[]>;
  witnessSize(url: string): Promise<number>;
  setWitnessSize(url: string, size: number): Promise<void>;

  /**
   * The content of up to `maxEntries` entries from the provenance index's
   * mark on: the answers are fingerprinted from it in the background, in
   * large batches, rather than on each append.
   */
  contentToIndex(maxEntries: number): Promise<IndexWork>;
  /**
   * Stores each entry's fingerprint list beside its content and adds the
   * fingerprints to the index in key order, skipping entries whose content
   * was erased or deleted meanwhile; then moves the mark to `next`.
   * Indexing in large sorted batches, apart from the group commits, spares
   * each commit from dirtying index pages at random.
   */
  indexFingerprints(lists: readonly { seq: number; hashes: Uint32Array }[], next: number)
    : Promise<void>;
  /** Entry seqs having any of these fingerprints, with the fingerprint matched. */
  fingerprintMatches(hashes: readonly number[]): Promise<{ hash: number; seq: number }[]>;

  /**
   * Runs the storage engine's own log maintenance (SQLite's WAL checkpoints)
   * on a thread of its own from now on, so it never stalls the caller's
   * event loop; the gateway asks for this, short-lived commands do not.
   */
  offloadWalCheckpoints(onError: (message: string) => void): void;
  /** True when a small commit goes through (a full disk or a read-only file shows here). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
