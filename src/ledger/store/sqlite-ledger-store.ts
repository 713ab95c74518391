import Database from 'better-sqlite3';
import { CommitRows } from './commit-rows.js';
import { edgePositions } from '../merkle/compact-range.js';
import { nodeKey } from '../merkle/node-key.js';
import type {
  AttestationRow, CheckpointRow, ContentBlob, CosignatureRow, DataKeyRow, EntryRow, EntryType,
  IndexWork, LedgerStore, OversightCandidate, PreparedBatch, StoredBlob, StoredContent, TreeState,
} from './ledger-store.js';
import { SqlitePageReader } from './sqlite-page-reader.js';
import { LEDGER_SCHEMA_SQL } from './sqlite-schema.js';
import { WalCheckpointer } from '../../storage/sqlite/wal-checkpointer.js';

interface RawEntry {
  seq: number; request_id: string; type: string; time: string; user: string | null;
  department: string | null; agent: string | null; outcome: string | null; body: Buffer;
}

interface RawAttestation { seq: number; target_seq: number; by: string; verdict: string }

const ENTRY_COLUMNS = 'seq, request_id, type, time, user, department, agent, outcome, body';

/** Columns of each table a group commit writes. */
const COMMIT_COLUMNS = {
  entries: ENTRY_COLUMNS.split(', '),
  nodes: ['key', 'hash'],
  content_blobs: ['id', 'key_id', 'header', 'sealed', 'last_seq'],
  content: ['seq', 'blob_id', 'offset', 'length'],
  attestations: ['seq', 'target_seq', 'by', 'verdict'],
};

/** Rows deleted per transaction by retention, so a writer never waits long. */
const DELETE_CHUNK = 2_000;

function toEntry(row: RawEntry): EntryRow {
  return {
    seq: row.seq, requestId: row.request_id, type: row.type as EntryType, time: row.time,
    user: row.user ?? undefined, department: row.department ?? undefined,
    agent: row.agent ?? undefined, outcome: row.outcome ?? undefined, body: row.body,
  };
}

/** A stored fingerprint list back as numbers. */
function toHashes(bytes: Buffer): Uint32Array {
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function toAttestation(row: RawAttestation): AttestationRow {
  return { seq: row.seq, targetSeq: row.target_seq, by: row.by, verdict: row.verdict };
}

/**
 * The ledger store on SQLite (`<dataDir>/ledger.db`, WAL, synchronous=NORMAL):
 * its own file, so its writer never waits for the metering writer. A commit
 * survives `kill -9` (it is in the WAL); checkpoints are committed with
 * synchronous=FULL, which also makes every entry before them survive power loss.
 */
export class SqliteLedgerStore implements LedgerStore {
  readonly #db: Database.Database;
  #state: TreeState | undefined;
  readonly #stmt: ReturnType<SqliteLedgerStore['prepareStatements']>;
  readonly #rows: CommitRows<keyof typeof COMMIT_COLUMNS>;
  readonly #pages: SqlitePageReader;
  /** The append transaction, made once: better-sqlite3 builds a wrapper per call otherwise. */
  #append: Database.Transaction<(prepare: (state: TreeState) => PreparedBatch) => TreeState>
    | undefined;

  #walCheckpointer: WalCheckpointer | undefined;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#stmt = this.prepareStatements();
    this.#rows = new CommitRows(db, COMMIT_COLUMNS);
    this.#pages = new SqlitePageReader(db);
  }

  /** Opens (and creates) the database file. */
  static open(path: string, options: { readonly?: boolean } = {}): SqliteLedgerStore {
    const db = new Database(path, { readonly: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(LEDGER_SCHEMA_SQL);
      // A checkpoint copies the WAL into the database and syncs both. Every
      // 64 MiB instead of SQLite's 4 MiB, the pages each group commit
      // rewrites (the ends of the tables and indexes) are copied once per
      // checkpoint, not once per few commits, and the syncs are 16 times rarer.
      db.pragma('wal_autocheckpoint = 16384');
    }
    // 8 MiB of page cache: the fingerprint index takes inserts at random keys,
    // and content blobs would otherwise push its pages out. More would help
    // indexing a little but counts fully against the gateway's resident memory.
    db.pragma('cache_size = -8192');
    return new SqliteLedgerStore(db);
  }

  get file(): string | undefined {
    return this.#db.memory ? undefined : this.#db.name;
  }

  private prepareStatements() {
    const db = this.#db;
    return {
      lastSeq: db.prepare<[], { seq: number }>('SELECT seq FROM entries ORDER BY seq DESC LIMIT 1'),
      lastBlobId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM content_blobs'),
      insertFingerprint: db.prepare('INSERT OR IGNORE INTO fingerprints (hash, seq) VALUES (?, ?)'),
      node: db.prepare<[number], { hash: Buffer }>('SELECT hash FROM nodes WHERE key = ?'),
      entriesFrom: db.prepare<[number, number], RawEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?`),
      entryBySeq: db.prepare<[number], RawEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM entries WHERE seq = ?`),
      requestEntry: db.prepare<[string], RawEntry>(`SELECT ${ENTRY_COLUMNS} FROM entries
        WHERE request_id = ? AND type = 'request' ORDER BY seq LIMIT 1`),
      attestationsFor: db.prepare<[number], RawAttestation>(
        'SELECT seq, target_seq, by, verdict FROM attestations WHERE target_seq = ? ORDER BY seq'),
      content: db.prepare<[number], StoredContent>(`SELECT b.key_id AS keyId, b.header, b.sealed,
        c.offset, c.length FROM content c JOIN content_blobs b ON b.id = c.blob_id
        WHERE c.seq = ?`),
      activeKey: db.prepare<[string], { id: number; subject: string; wrapped: Buffer | null }>(
        `SELECT id, subject, wrapped FROM data_keys WHERE subject = ? AND erased IS NULL
         ORDER BY id DESC LIMIT 1`),
      insertKey: db.prepare('INSERT INTO data_keys (subject, wrapped, created) VALUES (?, ?, ?)'),
      keyById: db.prepare<[number], { id: number; subject: string; wrapped: Buffer | null }>(
        'SELECT id, subject, wrapped FROM data_keys WHERE id = ?'),
      eraseKeys: db.prepare(
        'UPDATE data_keys SET wrapped = NULL, erased = ? WHERE subject = ? AND erased IS NULL'),
      meta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?'),
      setMeta: db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) '
        + 'ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
      contentToIndex: db.prepare<[number, number], [number, string, number, number, number]>(
        `SELECT c.seq, e.type, c.blob_id, c.offset, c.length FROM content c
         JOIN entries e ON e.seq = c.seq WHERE c.seq >= ? ORDER BY c.seq LIMIT ?`).raw(true),
      blob: db.prepare<[number], StoredBlob>(
        'SELECT key_id AS keyId, header, sealed FROM content_blobs WHERE id = ?'),
      indexable: db.prepare<[number], { seq: number }>(`SELECT c.seq FROM content c
        JOIN content_blobs b ON b.id = c.blob_id JOIN data_keys k ON k.id = b.key_id
        WHERE c.seq = ? AND k.wrapped IS NOT NULL`),
      setFingerprintList: db.prepare('UPDATE content SET fingerprints = ? WHERE seq = ?'),
      fingerprintList: db.prepare<[number], { hashes: Buffer | null }>(
        'SELECT fingerprints AS hashes FROM content WHERE seq = ?'),
      deleteFingerprint: db.prepare('DELETE FROM fingerprints WHERE hash = ? AND seq = ?'),
      deleteFingerprintList: db.prepare(
        'UPDATE content SET fingerprints = NULL WHERE seq = ?'),
      deleteContent: db.prepare('DELETE FROM content WHERE seq = ?'),
      deleteBlobs: db.prepare('DELETE FROM content_blobs WHERE last_seq < ?'),
      insertCheckpoint: db.prepare(
        'INSERT OR IGNORE INTO checkpoints (size, root, note, time) VALUES (?, ?, ?, ?)'),
      latestCheckpoint: db.prepare<[], CheckpointRow>(
        'SELECT size, root, note, time FROM checkpoints ORDER BY size DESC LIMIT 1'),
      checkpoints: db.prepare<[], CheckpointRow>(
        'SELECT size, root, note, time FROM checkpoints ORDER BY size'),
      insertCosignature: db.prepare(`INSERT OR REPLACE INTO cosignatures
        (size, witness, lines, time) VALUES (?, ?, ?, ?)`),
      cosignatures: db.prepare<[number], CosignatureRow>(
        'SELECT size, witness, lines, time FROM cosignatures WHERE size = ? ORDER BY witness'),
      witnessSize: db.prepare<[string], { size: number }>(
        'SELECT size FROM witness_state WHERE url = ?'),
      setWitnessSize: db.prepare('INSERT INTO witness_state (url, size) VALUES (?, ?) '
        + 'ON CONFLICT (url) DO UPDATE SET size = excluded.size'),
    };
  }

  /** Reads the tree from the nodes table unless the cached state is still current. */
  #currentState(): TreeState {
    const size = (this.#stmt.lastSeq.get()?.seq ?? -1) + 1;
    if (this.#state?.size === size) return this.#state;
    const edge = edgePositions(size).map(({ level, index }) => {
      const row = this.#stmt.node.get(nodeKey(level, index));
      if (!row) throw new Error(`tree node ${level}/${index} missing for size ${size}`);
      return row.hash;
    });
    this.#state = { size, edge };
    return this.#state;
  }

  /** Writes a batch's rows; blobs are numbered here, under the write lock, so rows go in bulk. */
  #writeBatch(batch: PreparedBatch): void {
    const rows = this.#rows;
    const last = batch.records[batch.records.length - 1]?.entry.seq ?? 0;
    const numbered = new Set<ContentBlob>();
    let blobId = this.#stmt.lastBlobId.get()?.id ?? 0;
    rows.clear();
    for (const { entry, content, attestation } of batch.records) {
      rows.add('entries', entry.seq, entry.requestId, entry.type, entry.time, entry.user ?? null,
        entry.department ?? null, entry.agent ?? null, entry.outcome ?? null, entry.body);
      if (content) {
        const { blob } = content;
        if (!numbered.has(blob)) {
          numbered.add(blob);
          blobId += 1;
          blob.id = blobId;
          rows.add('content_blobs', blob.id, blob.keyId, blob.header, blob.sealed, last);
        }
        rows.add('content', entry.seq, blob.id, content.offset, content.length);
      }
      if (attestation) {
        rows.add('attestations', attestation.seq, attestation.targetSeq, attestation.by,
          attestation.verdict);
      }
    }
    for (const node of batch.nodes) rows.add('nodes', nodeKey(node.level, node.index), node.hash);
    rows.write();
  }

  contentToIndex(maxEntries: number): Promise<IndexWork> {
    const from = Number(this.#stmt.meta.get('fingerprint_seq')?.value ?? '0');
    const rows = this.#stmt.contentToIndex.all(from, maxEntries) as unknown as
      [number, string, number, number, number][];
    const entries: IndexWork['entries'] = [];
    const blobs = new Map<number, StoredBlob>();
    for (const [seq, type, blobId, offset, length] of rows) {
      // Attestation notes are content too, but not answers anyone copies from.
      if (type !== 'request') continue;
      entries.push({ seq, blobId, offset, length });
      if (blobs.has(blobId)) continue;
      const blob = this.#stmt.blob.get(blobId);
      if (blob) blobs.set(blobId, blob);
    }
    const last = rows[rows.length - 1];
    return Promise.resolve({ entries, blobs, read: rows.length, next: last ? last[0] + 1 : from });
  }

  indexFingerprints(lists: readonly { seq: number; hashes: Uint32Array }[], next: number)
    : Promise<void> {
    const run = this.#db.transaction(() => {
      const pairs: { hash: number; seq: number }[] = [];
      for (const { seq, hashes } of lists) {
        // Erased or expired while the batch was fingerprinted: not to be indexed.
        if (hashes.length === 0 || !this.#stmt.indexable.get(seq)) continue;
        this.#stmt.setFingerprintList.run(
          Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), seq);
        for (const hash of hashes) pairs.push({ hash, seq });
      }
      // In key order the index's B-tree takes the batch page by page, not at random.
      pairs.sort((a, b) => a.hash - b.hash || a.seq - b.seq);
      for (const { hash, seq } of pairs) this.#stmt.insertFingerprint.run(hash, seq);
      const mark = Number(this.#stmt.meta.get('fingerprint_seq')?.value ?? '0');
      if (next > mark) this.#stmt.setMeta.run('fingerprint_seq', String(next));
    });
    run.immediate();
    return Promise.resolve();
  }

  appendBatch(prepare: (state: TreeState) => PreparedBatch): Promise<TreeState> {
    this.#append ??= this.#db.transaction((prepareBatch: typeof prepare) => {
      const batch = prepareBatch(this.#currentState());
      this.#writeBatch(batch);
      return batch.state;
    });
    try {
      // IMMEDIATE takes the write lock first: the holder is the one sequencer.
      const state = this.#append.immediate(prepare);
      this.#state = state;
      return Promise.resolve(state);
    } catch (error) {
      this.#state = undefined;
      return Promise.reject(error);
    }
  }

  size(): Promise<number> {
    return Promise.resolve((this.#stmt.lastSeq.get()?.seq ?? -1) + 1);
  }

  treeState(): Promise<TreeState> {
    return Promise.resolve(this.#db.transaction(() => this.#currentState()).deferred());
  }

  nodes(positions: readonly { level: number; index: number }[]): Promise<Map<number, Buffer>> {
    const found = new Map<number, Buffer>();
    for (const { level, index } of positions) {
      const key = nodeKey(level, index);
      const row = this.#stmt.node.get(key);
      if (row) found.set(key, row.hash);
    }
    return Promise.resolve(found);
  }

  entriesFrom(from: number, limit: number): Promise<EntryRow[]> {
    return Promise.resolve(this.#stmt.entriesFrom.all(from, limit).map(toEntry));
  }

  entryBodies(from: number, limit: number): Promise<[number, Buffer][]> {
    return Promise.resolve(this.#pages.entryBodies(from, limit));
  }

  nodeHashesBetween(from: number, to: number): Promise<[number, string][]> {
    return Promise.resolve(this.#pages.nodeHashes(from, to));
  }

  entryBySeq(seq: number): Promise<EntryRow | undefined> {
    const row = this.#stmt.entryBySeq.get(seq);
    return Promise.resolve(row ? toEntry(row) : undefined);
  }

  requestEntry(requestId: string): Promise<EntryRow | undefined> {
    const row = this.#stmt.requestEntry.get(requestId);
    return Promise.resolve(row ? toEntry(row) : undefined);
  }

  attestationsFor(targetSeq: number): Promise<AttestationRow[]> {
    return Promise.resolve(this.#stmt.attestationsFor.all(targetSeq).map(toAttestation));
  }

  oversightCandidates(scopes: { agents: string[]; departments: string[]; users: string[] },
    limit: number): Promise<OversightCandidate[]> {
    const clauses: string[] = [];
    const params: string[] = [];
    const add = (column: string, values: string[]): void => {
      if (values.length === 0) return;
      clauses.push(`${column} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    add('agent', scopes.agents);
    add('department', scopes.departments);
    add('user', scopes.users);
    if (clauses.length === 0) return Promise.resolve([]);

    // Only answers that reached the caller need a human's validation.
    const rows = this.#db.prepare<unknown[], RawEntry>(`SELECT ${ENTRY_COLUMNS} FROM entries
      WHERE type = 'request' AND outcome = 'ok' AND (${clauses.join(' OR ')})
      ORDER BY seq DESC LIMIT ?`).all(...params, limit);
    return Promise.resolve(rows.map((row) => ({
      entry: toEntry(row),
      attestations: this.#stmt.attestationsFor.all(row.seq).map(toAttestation),
    })));
  }

  content(seq: number): Promise<StoredContent | undefined> {
    return Promise.resolve(this.#stmt.content.get(seq));
  }

  ensureDataKeys(subjects: readonly string[], make: (subject: string) => Buffer)
    : Promise<Map<string, DataKeyRow>> {
    const found = new Map<string, DataKeyRow>();
    const run = this.#db.transaction(() => {
      for (const subject of subjects) {
        let row = this.#stmt.activeKey.get(subject);
        if (!row) {
          const info = this.#stmt.insertKey.run(subject, make(subject), new Date().toISOString());
          row = this.#stmt.keyById.get(Number(info.lastInsertRowid));
        }
        if (row) found.set(subject, row);
      }
    });
    run.immediate();
    return Promise.resolve(found);
  }

  dataKey(id: number): Promise<DataKeyRow | undefined> {
    return Promise.resolve(this.#stmt.keyById.get(id));
  }

  eraseSubject(subject: string): Promise<number> {
    const run = this.#db.transaction(() => {
      const changes = this.#stmt.eraseKeys.run(new Date().toISOString(), subject).changes;
      const epoch = Number(this.#stmt.meta.get('erase_epoch')?.value ?? '0') + 1;
      this.#stmt.setMeta.run('erase_epoch', String(epoch));
      return changes;
    });
    return Promise.resolve(run.immediate());
  }

  eraseEpoch(): Promise<number> {
    return Promise.resolve(Number(this.#stmt.meta.get('erase_epoch')?.value ?? '0'));
  }

  forgetSubjectFingerprints(subject: string): Promise<number> {
    const seqs = this.#db.prepare<[string], { seq: number }>(`SELECT c.seq FROM content c
      JOIN content_blobs b ON b.id = c.blob_id JOIN data_keys k ON k.id = b.key_id
      WHERE k.subject = ?`).all(subject).map((r) => r.seq);
    for (let i = 0; i < seqs.length; i += DELETE_CHUNK) {
      const chunk = seqs.slice(i, i + DELETE_CHUNK);
      this.#db.transaction(() => chunk.forEach((seq) => this.#forgetFingerprints(seq)))
        .immediate();
    }
    return Promise.resolve(seqs.length);
  }

  #forgetFingerprints(seq: number): void {
    const list = this.#stmt.fingerprintList.get(seq);
    if (!list?.hashes) return;
    for (const hash of toHashes(list.hashes)) this.#stmt.deleteFingerprint.run(hash, seq);
    this.#stmt.deleteFingerprintList.run(seq);
  }

  async deleteContentBefore(time: string): Promise<number> {
    const from = Number(this.#stmt.meta.get('retention_seq')?.value ?? '0');
    const until = this.#lastSeqBefore(time, from);
    let deleted = 0;
    for (let start = from; start < until; start += DELETE_CHUNK) {
      const end = Math.min(until, start + DELETE_CHUNK);
      this.#db.transaction(() => {
        for (let seq = start; seq < end; seq += 1) {
          this.#forgetFingerprints(seq);
          deleted += this.#stmt.deleteContent.run(seq).changes;
        }
        this.#stmt.deleteBlobs.run(end);
        this.#stmt.setMeta.run('retention_seq', String(end));
      }).immediate();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return deleted;
  }

  /**
   * First seq at or after `from` whose entry is not older than `time`. Entry
   * times follow seq order to within the gateway's request durations, so a
   * binary search is exact enough for retention and needs no time index.
   */
  #lastSeqBefore(time: string, from: number): number {
    let lo = from;
    let hi = (this.#stmt.lastSeq.get()?.seq ?? -1) + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const entry = this.#stmt.entryBySeq.get(mid);
      if (entry && entry.time < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  addCheckpoint(row: CheckpointRow): Promise<void> {
    // FULL syncs the WAL at this commit, and with it every entry the checkpoint covers.
    this.#db.pragma('synchronous = FULL');
    try {
      this.#stmt.insertCheckpoint.run(row.size, row.root, row.note, row.time);
    } finally {
      this.#db.pragma('synchronous = NORMAL');
    }
    return Promise.resolve();
  }

  latestCheckpoint(): Promise<CheckpointRow | undefined> {
    return Promise.resolve(this.#stmt.latestCheckpoint.get());
  }

  checkpoints(): Promise<CheckpointRow[]> {
    return Promise.resolve(this.#stmt.checkpoints.all());
  }

  addCosignature(row: CosignatureRow): Promise<void> {
    this.#stmt.insertCosignature.run(row.size, row.witness, row.lines, row.time);
    return Promise.resolve();
  }

  cosignatures(size: number): Promise<CosignatureRow[]> {
    return Promise.resolve(this.#stmt.cosignatures.all(size));
  }

  witnessSize(url: string): Promise<number> {
    return Promise.resolve(this.#stmt.witnessSize.get(url)?.size ?? 0);
  }

  setWitnessSize(url: string, size: number): Promise<void> {
    this.#stmt.setWitnessSize.run(url, size);
    return Promise.resolve();
  }

  fingerprintMatches(hashes: readonly number[]): Promise<{ hash: number; seq: number }[]> {
    const found: { hash: number; seq: number }[] = [];
    const chunk = 500;
    for (let i = 0; i < hashes.length; i += chunk) {
      const part = hashes.slice(i, i + chunk);
      const rows = this.#db.prepare<number[], { hash: number; seq: number }>(
        `SELECT hash, seq FROM fingerprints WHERE hash IN (${part.map(() => '?').join(',')})`,
      ).all(...part);
      found.push(...rows);
    }
    return Promise.resolve(found);
  }

  ping(): Promise<boolean> {
    try {
      this.#stmt.setMeta.run('heartbeat', new Date().toISOString());
      return Promise.resolve(true);
    } catch {
      return Promise.resolve(false);
    }
  }

  offloadWalCheckpoints(onError: (message: string) => void): void {
    this.#walCheckpointer ??= WalCheckpointer.start(this.#db, onError);
  }

  async close(): Promise<void> {
    await this.#walCheckpointer?.close();
    this.#walCheckpointer = undefined;
    if (this.#db.open) this.#db.close();
  }
}
