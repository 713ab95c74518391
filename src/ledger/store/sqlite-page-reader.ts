import type Database from 'better-sqlite3';

/** One aggregated page: the keys, the byte length of each value, and the values end to end. */
type PageRow = [keys: string | null, lengths: string | null, values: Buffer | null];

/**
 * Reads pages of entry bodies and node hashes for verification, which reads
 * millions of them. better-sqlite3 makes a Buffer per BLOB value, and that
 * costs more than SQLite's own reading; so each page is asked for as one
 * aggregated row (`group_concat`) of its keys, its value lengths and its
 * values end to end, and cut up here. In a UTF-8 database a blob passes
 * through `group_concat` byte for byte (it is taken as text with no
 * conversion, and cast back); other encodings are read row by row. SQLite
 * does not promise the order in which an aggregate sees the rows of an
 * ordered subquery, so a page whose keys do not ascend is read again row by
 * row.
 */
export class SqlitePageReader {
  readonly #stmt;
  readonly #aggregate: boolean;

  constructor(db: Database.Database) {
    this.#aggregate = db.pragma('encoding', { simple: true }) === 'UTF-8';
    this.#stmt = {
      entries: db.prepare<[number, number], PageRow>(`SELECT group_concat(seq),
          group_concat(octet_length(body)), CAST(group_concat(body, '') AS BLOB)
        FROM (SELECT seq, body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?)`).raw(true),
      nodes: db.prepare<[number, number], PageRow>(`SELECT group_concat(key),
          group_concat(octet_length(hash)), CAST(group_concat(hash, '') AS BLOB)
        FROM (SELECT key, hash FROM nodes WHERE key >= ? AND key < ? ORDER BY key)`).raw(true),
      entryRows: db.prepare<[number, number], [number, Buffer]>(
        'SELECT seq, body FROM entries WHERE seq >= ? ORDER BY seq LIMIT ?').raw(true),
      nodeRows: db.prepare<[number, number], [number, string]>(
        'SELECT key, lower(hex(hash)) FROM nodes WHERE key >= ? AND key < ? ORDER BY key')
        .raw(true),
    };
  }

  /** `[seq, body]` of up to `limit` entries from seq `from` on; bodies share one Buffer. */
  entryBodies(from: number, limit: number): [number, Buffer][] {
    const page = this.#aggregate ? cut(this.#stmt.entries.get(from, limit)) : undefined;
    if (!page) return this.#stmt.entryRows.all(from, limit) as unknown as [number, Buffer][];
    const { values, at } = page;
    return page.keys.map((seq, i) => [seq, values.subarray(at[i], at[i + 1])]);
  }

  /** `[key, hash]` of the nodes with from <= key < to, the hash in lowercase hex. */
  nodeHashes(from: number, to: number): [number, string][] {
    const page = this.#aggregate ? cut(this.#stmt.nodes.get(from, to)) : undefined;
    if (!page) return this.#stmt.nodeRows.all(from, to) as unknown as [number, string][];
    // One hex string for the page; the slices share it.
    const hex = page.values.toString('hex');
    const { at } = page;
    return page.keys.map((key, i) => [key, hex.slice(2 * (at[i] as number),
      2 * (at[i + 1] as number))]);
  }
}

/**
 * The keys of an aggregated page and where each value starts in `values`
 * (`at`, one more than the keys: the last is the end); an empty page for no
 * rows, and undefined when the keys do not ascend or the lengths disagree.
 */
function cut(row: PageRow | undefined)
  : { keys: number[]; at: number[]; values: Buffer } | undefined {
  const [keyText, lengthText, values] = row ?? [null, null, null];
  if (keyText === null) return { keys: [], at: [0], values: Buffer.alloc(0) };
  const keys = numbers(keyText);
  const lengths = numbers(lengthText ?? '');
  if (!keys || !lengths || lengths.length !== keys.length) return undefined;

  const at = [0];
  let offset = 0;
  for (const length of lengths) at.push(offset += length);
  const ascending = keys.every((key, i) => i === 0 || key > (keys[i - 1] as number));
  const bytes = values ?? Buffer.alloc(0);
  return ascending && offset === bytes.length ? { keys, at, values: bytes } : undefined;
}

/** Parses a `group_concat` of whole numbers ("0,1,2"); undefined for anything else. */
function numbers(text: string): number[] | undefined {
  const out: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x2c) {
      out.push(value);
      value = 0;
    } else if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + (code - 0x30);
    } else {
      return undefined;
    }
  }
  out.push(value);
  return out;
}
