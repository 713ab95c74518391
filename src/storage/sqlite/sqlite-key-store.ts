import type { Database, Statement } from 'better-sqlite3';
import type { KeyRecord, NewKey } from '../../identity/key-record.js';
import type { KeyStore } from '../storage.js';

interface KeyRow {
  id: string;
  hash: string;
  prefix: string;
  user: string;
  department: string;
  agent: string | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

function fromRow(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    hash: row.hash,
    prefix: row.prefix,
    user: row.user,
    department: row.department,
    agent: row.agent,
    createdAt: new Date(row.created_at),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

/** Most keys held in the lookup cache; past it the cache starts over. */
const CACHE_LIMIT = 10_000;

/**
 * Gateway keys in SQLite. Lookups by hash use the unique index, behind a
 * cache of found keys that is dropped whenever the file may have changed:
 * SQLite's `data_version` moves when another connection (a `keys revoke` run
 * from the command line) commits, and this store's own writes clear it, so
 * a revoked key is refused on its next request. Checking costs a fraction
 * of the query. Unknown hashes are never cached.
 */
export class SqliteKeyStore implements KeyStore {
  readonly #cache = new Map<string, KeyRecord>();
  readonly #dataVersion: Statement<[], number>;
  #cachedVersion = -1;
  #checkedThisTurn = false;
  readonly #insert: Statement;
  readonly #byHash: Statement<[string], KeyRow>;
  readonly #byId: Statement<[string], KeyRow>;
  readonly #all: Statement<[], KeyRow>;
  readonly #revoke: Statement<[number, string]>;

  constructor(db: Database) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.#insert = db.prepare(`INSERT INTO keys
      (id, hash, prefix, user, department, agent, created_at, expires_at, revoked_at)
      VALUES (@id, @hash, @prefix, @user, @department, @agent, @created_at, @expires_at, NULL)`);
    this.#byHash = db.prepare('SELECT * FROM keys WHERE hash = ?');
    this.#byId = db.prepare('SELECT * FROM keys WHERE id = ?');
    this.#all = db.prepare('SELECT * FROM keys ORDER BY created_at, id');
    this.#revoke = db.prepare(
      'UPDATE keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');
  }

  async create(key: NewKey): Promise<KeyRecord> {
    this.#cache.clear();
    this.#insert.run({
      id: key.id, hash: key.hash, prefix: key.prefix, user: key.user,
      department: key.department, agent: key.agent, created_at: key.createdAt.getTime(),
      expires_at: key.expiresAt?.getTime() ?? null,
    });
    return { ...key, revokedAt: null };
  }

  async findByHash(hash: string): Promise<KeyRecord | undefined> {
    this.#checkVersion();
    const cached = this.#cache.get(hash);
    if (cached) return cached;
    const row = this.#byHash.get(hash);
    if (!row) return undefined;
    const key = fromRow(row);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(hash, key);
    return key;
  }

  /**
   * Drops the cache if another connection committed since the last check.
   * Requests read in the same turn of the event loop share one check: they
   * arrived together, and at full load the check would otherwise cost more
   * than the rest of the lookup.
   */
  #checkVersion(): void {
    if (this.#checkedThisTurn) return;
    this.#checkedThisTurn = true;
    setImmediate(() => {
      this.#checkedThisTurn = false;
    });
    const version = this.#dataVersion.get() as number;
    if (version !== this.#cachedVersion) {
      this.#cache.clear();
      this.#cachedVersion = version;
    }
  }

  async findById(id: string): Promise<KeyRecord | undefined> {
    const row = this.#byId.get(id);
    return row && fromRow(row);
  }

  async list(): Promise<KeyRecord[]> {
    return this.#all.all().map(fromRow);
  }

  async revoke(id: string, at: Date): Promise<KeyRecord | undefined> {
    this.#cache.clear();
    this.#revoke.run(at.getTime(), id);
    return this.findById(id);
  }
}
