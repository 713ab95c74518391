/**
 * Finds every occurrence of many lower-case ASCII keywords in one pass over
 * a text, ignoring case: an Aho-Corasick automaton compiled to a dense
 * transition table. One pass costs the same whatever the number of
 * keywords, which is why the scanner can afford hundreds of them.
 */

/** Occurrences of one keyword: the offsets where each occurrence starts. */
export type KeywordHits = Map<number, number[]>;

/** Texts shorter than this are run as one stream (splitting buys nothing there). */
const SPLIT_MIN = 1024;

/** The byte copy of a text starts at 64 KiB and grows to the largest text seen. */
const SCRATCH_BYTES = 1 << 16;

/** A compiled keyword automaton; build once, then call {@link KeywordIndex.find} per text. */
export class KeywordIndex {
  readonly keywords: readonly string[];
  /** Runs the automaton over a byte copy of a text (see {@link scannerFor}). */
  private readonly scan: Scanner;
  /** For each state, the keyword ids that end there (own and inherited). */
  private readonly outputs: (readonly number[] | undefined)[];
  private readonly stride: number;
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

  /**
   * Compiles the automaton.
   * @throws RangeError when a keyword is empty or not lower-case ASCII.
   */
  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const classes = classesOf(keywords);
    const stride = Math.max(...classes) + 1;
    const trie = buildTrie(keywords, classes);
    const order = acceptingLast(trie.outputs);
    const firstAccepting = order.findIndex((state) => trie.outputs[state] !== undefined);
    this.scan = scannerFor({
      table: buildTable(trie, order, stride),
      classes,
      acceptFrom: (firstAccepting === -1 ? order.length : firstAccepting) * stride,
      overlap: Math.max(0, ...keywords.map((keyword) => keyword.length - 1)),
    });
    this.outputs = order.map((state) => trie.outputs[state]);
    this.stride = stride;
  }

  /**
   * Returns, per keyword id, the start offsets (UTF-16) of its occurrences
   * in `text`, in text order. Keywords that do not occur are absent.
   */
  find(text: string): KeywordHits {
    const hits: KeywordHits = new Map();
    const ends = this.scan(this.bytesOf(text), text.length);
    for (let i = 0; i < ends.length; i += 2) {
      this.record(text, hits, (ends[i] as number) / this.stride, ends[i + 1] as number);
    }
    return hits;
  }

  /**
   * The text as one byte per UTF-16 unit (`latin1` truncates the rest), so
   * the hot loop reads a byte array instead of calling `charCodeAt`, which
   * is about twice as fast. Offsets are unchanged; a unit above 0xFF may
   * alias an ASCII letter, which {@link record} checks against the text.
   */
  private bytesOf(text: string): Buffer {
    if (text.length > this.scratch.length) this.scratch = Buffer.allocUnsafe(text.length);
    this.scratch.write(text, 0, text.length, 'latin1');
    return this.scratch;
  }

  /** Notes the keywords that end at offset `end` (kept out of the hot loop). */
  private record(text: string, hits: KeywordHits, state: number, end: number): void {
    for (const id of this.outputs[state] ?? []) {
      const keyword = this.keywords[id] ?? '';
      const start = end + 1 - keyword.length;
      if (!occursAt(text, keyword, start)) continue;
      const list = hits.get(id);
      if (list === undefined) hits.set(id, [start]);
      else list.push(start);
    }
  }
}

/** The compiled tables a scanner reads. */
interface Automaton {
  /**
   * Transitions, one row of `stride` entries per state. An entry holds the
   * next state's row offset (state × stride), so the hot loop adds the
   * character's class to it and reads on: no multiply, no shift.
   */
  readonly table: Int32Array;
  /** Byte (case-folded ASCII) to class: 0 for every byte no keyword holds. */
  readonly classes: Uint8Array;
  /** States that end a keyword are numbered last: a row offset from here accepts. */
  readonly acceptFrom: number;
  /** Longest keyword length minus one: how early the second stream starts. */
  readonly overlap: number;
}

/**
 * Returns (row offset, end offset) pairs of the accepting steps over
 * `bytes[0, length)`.
 */
type Scanner = (bytes: Uint8Array, length: number) => number[];

/**
 * Builds the scanning loop as a closure over the tables: V8 then compiles
 * them as constants, where fields or arguments cost a reload of each typed
 * array per character (a quarter slower on this loop). Long texts run as
 * two streams, halves interleaved in one loop, since one stream waits on
 * each table read before the next. The second starts `overlap` bytes
 * early, cold: by its half it is in the state one stream would be in, as
 * no keyword is longer than that.
 */
function scannerFor(automaton: Automaton): Scanner {
  const { table, classes, acceptFrom, overlap } = automaton;
  return (bytes, length) => {
    const ends: number[] = [];
    let a = 0;
    if (length < SPLIT_MIN) {
      for (let i = 0; i < length; i++) {
        a = table[a + (classes[bytes[i] as number] as number)] as number;
        if (a >= acceptFrom) ends.push(a, i);
      }
      return ends;
    }

    // The second stream has at least as far to go as the first, so the
    // joint loop needs no bounds test for it.
    const second: number[] = [];
    const middle = length >> 1;
    let b = 0;
    let j = Math.max(0, middle - overlap);
    for (let i = 0; i < middle; i++, j++) {
      a = table[a + (classes[bytes[i] as number] as number)] as number;
      b = table[b + (classes[bytes[j] as number] as number)] as number;
      if (a >= acceptFrom) ends.push(a, i);
      if (b >= acceptFrom && j >= middle) second.push(b, j);
    }
    for (; j < length; j++) {
      b = table[b + (classes[bytes[j] as number] as number)] as number;
      if (b >= acceptFrom) second.push(b, j);
    }
    for (const value of second) ends.push(value);
    return ends;
  };
}

/** True when `keyword` (lower-case ASCII) is at `start` in `text`, ignoring ASCII case. */
function occursAt(text: string, keyword: string, start: number): boolean {
  for (let k = 0; k < keyword.length; k++) {
    const code = text.charCodeAt(start + k);
    const folded = code >= 65 && code <= 90 ? code + 32 : code;
    if (folded !== keyword.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Byte to automaton class: one class per character the keywords use, upper
 * case folded onto lower, 0 for the rest. Fewer classes keep the table
 * small enough to stay in cache.
 * @throws RangeError when a keyword is empty or not lower-case ASCII.
 */
function classesOf(keywords: readonly string[]): Uint8Array {
  const classes = new Uint8Array(256);
  let next = 1;
  for (const keyword of keywords) {
    if (!/^[\x01-\x7f]+$/.test(keyword) || keyword !== keyword.toLowerCase()) {
      throw new RangeError(`Keyword must be lower-case ASCII: got '${keyword}'`);
    }
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      if (classes[code] !== 0) continue;
      classes[code] = next;
      if (code >= 97 && code <= 122) classes[code - 32] = next;
      next++;
    }
  }
  return classes;
}

interface Trie {
  /** Per state, class to next state. */
  goto: Map<number, number>[];
  fail: number[];
  outputs: (number[] | undefined)[];
}

/** Builds the trie over character classes, then the failure links breadth-first. */
function buildTrie(keywords: readonly string[], classes: Uint8Array): Trie {
  const goto: Map<number, number>[] = [new Map()];
  const outputs: (number[] | undefined)[] = [undefined];

  keywords.forEach((keyword, id) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const cls = classes[keyword.charCodeAt(i)] ?? 0;
      let next = goto[state]?.get(cls);
      if (next === undefined) {
        next = goto.length;
        goto.push(new Map());
        outputs.push(undefined);
        goto[state]?.set(cls, next);
      }
      state = next;
    }
    outputs[state] = [...(outputs[state] ?? []), id];
  });

  const fail = new Array<number>(goto.length).fill(0);
  const queue = [...(goto[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    for (const [cls, next] of goto[state] ?? []) {
      queue.push(next);
      let f = fail[state] ?? 0;
      while (f !== 0 && !goto[f]?.has(cls)) f = fail[f] ?? 0;
      const target = goto[f]?.get(cls);
      fail[next] = target !== undefined && target !== next ? target : 0;
      const inherited = outputs[fail[next] ?? 0];
      if (inherited) outputs[next] = [...(outputs[next] ?? []), ...inherited];
    }
  }
  return { goto, fail, outputs };
}

/** State numbers in their new order: the start state first, accepting states last. */
function acceptingLast(outputs: readonly (readonly number[] | undefined)[]): number[] {
  const states = outputs.map((_, state) => state);
  return [
    ...states.filter((state) => outputs[state] === undefined),
    ...states.filter((state) => outputs[state] !== undefined),
  ];
}

/**
 * Resolves every (state, class) pair so the scan never follows links, in
 * the new numbering, each entry already multiplied by `stride`.
 */
function buildTable(trie: Trie, order: readonly number[], stride: number): Int32Array {
  const { goto, fail } = trie;
  const resolved = new Int32Array(goto.length * stride);
  const bfs = [0];
  for (let head = 0; head < bfs.length; head++) {
    const state = bfs[head] ?? 0;
    for (let cls = 0; cls < stride; cls++) {
      const next = goto[state]?.get(cls);
      if (next !== undefined) {
        resolved[state * stride + cls] = next;
        bfs.push(next);
      } else if (state !== 0) {
        resolved[state * stride + cls] = resolved[(fail[state] ?? 0) * stride + cls] ?? 0;
      }
    }
  }

  const renumbered = new Int32Array(order.length);
  order.forEach((state, index) => {
    renumbered[state] = index;
  });
  const table = new Int32Array(goto.length * stride);
  order.forEach((state, index) => {
    for (let cls = 0; cls < stride; cls++) {
      const next = resolved[state * stride + cls] ?? 0;
      table[index * stride + cls] = (renumbered[next] ?? 0) * stride;
    }
  });
  return table;
}
