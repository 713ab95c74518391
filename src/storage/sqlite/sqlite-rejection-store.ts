import type { Database, Statement } from 'better-sqlite3';
import type { Rejection, RejectionStore } from '../../gateway/rejection.js';
import type { SqliteWriter } from './sqlite-writer.js';

/** Refused requests in SQLite, written by group commit. */
export class SqliteRejectionStore implements RejectionStore {
  readonly #recent: Statement<[number], Record<string, unknown>>;
  readonly #writer: SqliteWriter;

  constructor(db: Database, writer: SqliteWriter) {
    this.#recent = db.prepare('SELECT * FROM rejections ORDER BY time DESC LIMIT ?');
    this.#writer = writer;
  }

  record(item: Rejection): Promise<void> {
    return this.#writer.write({ table: 'rejections', row: {
      request_id: item.requestId, time: item.time.getTime(), address: item.address,
      key_id: item.identity?.keyId ?? null, user: item.identity?.user ?? null,
      department: item.identity?.department ?? null, agent: item.identity?.agent ?? null,
      code: item.code, rule: item.rule ?? null,
    } });
  }

  async recent(limit: number): Promise<Record<string, unknown>[]> {
    await this.#writer.flush();
    return this.#recent.all(limit);
  }

  flush(): Promise<void> {
    return this.#writer.flush();
  }
}
