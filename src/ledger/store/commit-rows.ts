import type Database from 'better-sqlite3';

/** Rows per INSERT: enough to amortise the call, far below SQLite's 32,766 variables. */
const CHUNK_ROWS = 64;

/**
 * The rows one group commit writes, table by table, written with multi-row
 * INSERT statements: one call into SQLite per CHUNK_ROWS rows instead of
 * per row, which roughly halves what each small row costs.
 */
export class CommitRows<Table extends string> {
  readonly #db: Database.Database;
  readonly #columns: Record<Table, readonly string[]>;
  readonly #params = new Map<Table, unknown[]>();
  /** Prepared statements by table and row count, kept across commits. */
  readonly #statements = new Map<string, Database.Statement>();

  /** @param columns each table's columns, in the order `add` is given values. */
  constructor(db: Database.Database, columns: Record<Table, readonly string[]>) {
    this.#db = db;
    this.#columns = columns;
  }

  /** Queues one row of `table`. */
  add(table: Table, ...values: unknown[]): void {
    let params = this.#params.get(table);
    if (!params) {
      params = [];
      this.#params.set(table, params);
    }
    for (const value of values) params.push(value);
  }

  /** Forgets the queued rows, as after a failed transaction. */
  clear(): void {
    this.#params.clear();
  }

  /** Inserts every queued row (call inside the transaction), then forgets them. */
  write(): void {
    try {
      for (const [table, params] of this.#params) {
        const width = this.#columns[table].length;
        const rows = params.length / width;
        for (let first = 0; first < rows; first += CHUNK_ROWS) {
          const count = Math.min(CHUNK_ROWS, rows - first);
          this.#insert(table, count).run(params.slice(first * width, (first + count) * width));
        }
      }
    } finally {
      this.clear();
    }
  }

  /** `INSERT INTO table (columns) VALUES (?, ...), ...` for `rows` rows. */
  #insert(table: Table, rows: number): Database.Statement {
    const name = `${table}:${rows}`;
    let statement = this.#statements.get(name);
    if (!statement) {
      const columns = this.#columns[table];
      const row = `(${columns.map(() => '?').join(', ')})`;
      statement = this.#db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES `
        + Array.from({ length: rows }, () => row).join(', '));
      this.#statements.set(name, statement);
    }
    return statement;
  }
}
