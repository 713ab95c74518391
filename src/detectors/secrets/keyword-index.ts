/**
 * Finds every occurrence of many lower-case ASCII keywords in one pass over
 * a text, ignoring case: an Aho-Corasick automaton compiled to a dense
 * transition table. One pass costs the same whatever the number of
 * keywords, which is why the scanner can afford hundreds of them.
 */

const ALPHABET = 128;
const ALPHABET_BITS = 7;

/**
 * Character code to automaton class: ASCII folded to lower case, all else
 * 0, a class no keyword uses. A lookup beats branches in the hot loop (64 KiB, built once).
 */
const FOLD = new Uint8Array(65536);
for (let code = 1; code < ALPHABET; code++) {
  FOLD[code] = code >= 65 && code <= 90 ? code + 32 : code;
}

/** Occurrences of one keyword: the offsets where each occurrence starts. */
export type KeywordHits = Map<number, number[]>;

/** A compiled keyword automaton; build once, then call {@link KeywordIndex.find} per text. */
export class KeywordIndex {
  readonly keywords: readonly string[];
  private readonly table: Int32Array;
  /** 1 where a state ends at least one keyword: the hot loop tests only this. */
  private readonly accepting: Uint8Array;
  /** For each state, the keyword ids that end there (own and inherited). */
  private readonly outputs: (readonly number[] | undefined)[];

  /**
   * Compiles the automaton.
   * @throws RangeError when a keyword is empty or not lower-case ASCII.
   */
  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const { goto, fail, outputs } = buildTrie(keywords);
    this.outputs = outputs;
    this.table = buildTable(goto, fail);
    this.accepting = Uint8Array.from(outputs, (ids) => (ids === undefined ? 0 : 1));
  }

  /**
   * Returns, per keyword id, the start offsets (UTF-16) of its occurrences
   * in `text`. Keywords that do not occur are absent from the map.
   */
  find(text: string): KeywordHits {
    const hits: KeywordHits = new Map();
    const { table, accepting } = this;
    const length = text.length;
    let state = 0;

    for (let i = 0; i < length; i++) {
      state = table[(state << ALPHABET_BITS) | (FOLD[text.charCodeAt(i)] as number)] as number;
      if (accepting[state] === 1) this.record(hits, state, i);
    }
    return hits;
  }

  /** Notes the keywords that end at offset `i` (kept out of the hot loop). */
  private record(hits: KeywordHits, state: number, i: number): void {
    for (const id of this.outputs[state] ?? []) {
      const start = i + 1 - (this.keywords[id]?.length ?? 0);
      const list = hits.get(id);
      if (list === undefined) hits.set(id, [start]);
      else list.push(start);
    }
  }
}

interface Trie {
  goto: Map<number, number>[];
  fail: number[];
  outputs: (number[] | undefined)[];
}

/** Builds the trie, then the failure links breadth-first. */
function buildTrie(keywords: readonly string[]): Trie {
  const goto: Map<number, number>[] = [new Map()];
  const outputs: (number[] | undefined)[] = [undefined];

  keywords.forEach((keyword, id) => {
    if (!/^[\x01-\x7f]+$/.test(keyword) || keyword !== keyword.toLowerCase()) {
      throw new RangeError(`Keyword must be lower-case ASCII: got '${keyword}'`);
    }
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      let next = goto[state]?.get(code);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        outputs.push(undefined);
        goto[state]?.set(code, next);
      }
      state = next;
    }
    outputs[state] = [...(outputs[state] ?? []), id];
  });

  const fail = new Array<number>(goto.length).fill(0);
  const queue = [...(goto[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (const [code, next] of goto[state] ?? []) {
      queue.push(next);
      let f = fail[state] ?? 0;
      while (f !== 0 && !goto[f]?.has(code)) f = fail[f] ?? 0;
      const target = goto[f]?.get(code);
      fail[next] = target !== undefined && target !== next ? target : 0;
      const inherited = outputs[fail[next] ?? 0];
      if (inherited) outputs[next] = [...(outputs[next] ?? []), ...inherited];
    }
  }
  return { goto, fail, outputs };
}

/** Resolves every (state, character) pair so the scan never follows links. */
function buildTable(goto: Map<number, number>[], fail: number[]): Int32Array {
  const table = new Int32Array(goto.length * ALPHABET);
  const order = [0];
  for (let head = 0; head < order.length; head++) {
    const state = order[head] ?? 0;
    for (let code = 0; code < ALPHABET; code++) {
      const next = goto[state]?.get(code);
      if (next !== undefined) {
        table[state * ALPHABET + code] = next;
        order.push(next);
      } else if (state !== 0) {
        table[state * ALPHABET + code] = table[(fail[state] ?? 0) * ALPHABET + code] ?? 0;
      }
    }
  }
  return table;
}
