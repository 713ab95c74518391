import { readRequestContent } from '../audit/read-content.js';
import { decodeEntry } from '../entry.js';
import type { Ledger } from '../ledger.js';
import { oversightState, requiredAttestations } from '../oversight/oversight-state.js';
import { GUARANTEED_WORDS, SHINGLE_WORDS, shingles, words } from './fingerprint.js';

/** A logged request a passage came from. */
export interface PassageSource {
  request_id: string;
  index: number;
  time: string;
  model?: string | undefined;
  user?: string | undefined;
  department?: string | undefined;
  agent?: string | undefined;
  /** Oversight status: not_required, pending, validated or rejected. */
  attestation: string;
  attested_by: string[];
  matched_fingerprints: number;
}

/** A stretch of the document that came from one or more logged answers. */
export interface Passage {
  /** Offsets in the document after NFKC normalisation (the same as the input for most text). */
  start: number;
  end: number;
  words: number;
  text: string;
  sources: PassageSource[];
}

/** The provenance of a document. */
export interface ProvenanceReport {
  words: number;
  /** Share of the document's words inside a found passage (0 to 1). */
  coverage: number;
  passages: Passage[];
}

interface Run { seq: number; first: number; last: number; hits: number }

/**
 * Widest gap between two hits of one passage: the winnowing guarantee plus
 * room for one edited word, which removes SHINGLE_WORDS shingles around it.
 */
const MAX_GAP = GUARANTEED_WORDS + 2 * SHINGLE_WORDS;

/** Most answers decrypted to confirm lone hits, so a common phrase cannot fan out. */
const MAX_CONFIRMATIONS = 200;

/** Fingerprint hits of one entry, clustered into runs of nearby shingles. */
function clusterRuns(seq: number, positions: number[], minHits: number): Run[] {
  positions.sort((a, b) => a - b);
  const runs: Run[] = [];
  let run: Run | undefined;
  for (const word of positions) {
    if (run && word - run.last <= MAX_GAP) {
      run.last = word;
      run.hits += 1;
    } else {
      if (run && run.hits >= minHits) runs.push(run);
      run = { seq, first: word, last: word, hits: 1 };
    }
  }
  if (run && run.hits >= minHits) runs.push(run);
  return runs;
}

/**
 * Finds the passages of `text` that came from answers in the ledger, also
 * after light edits (case, punctuation, a changed word here and there),
 * by looking the document's shingles up in the fingerprint index built at
 * append time. Reports, per passage, the requests it came from with their
 * model, identity and attestation state.
 */
export async function findProvenance(ledger: Ledger, text: string): Promise<ProvenanceReport> {
  const { store, seed, config } = ledger.context;
  await ledger.drain();
  await ledger.indexProvenance();
  const { normalised, words: list } = words(text, seed);
  const all = shingles(list);

  const positionsByHash = new Map<number, number[]>();
  for (const s of all) {
    const at = positionsByHash.get(s.hash);
    if (at) at.push(s.word);
    else positionsByHash.set(s.hash, [s.word]);
  }
  const matches = await store.fingerprintMatches([...positionsByHash.keys()]);
  const answerCache = new Map<number, Set<number> | undefined>();

  const bySeq = new Map<number, number[]>();
  for (const { hash, seq } of matches) {
    const at = bySeq.get(seq) ?? [];
    at.push(...(positionsByHash.get(hash) ?? []));
    bySeq.set(seq, at);
  }
  // A lone shared fingerprint may be a stock phrase: it counts only when the
  // decrypted answer shares enough shingles around it.
  const candidates = [...bySeq].flatMap(([seq, positions]) => clusterRuns(seq, positions, 1));
  const runs: Run[] = [];
  for (const run of candidates) {
    if (run.hits >= 2 || await confirmed(run)) runs.push(run);
  }
  runs.sort((a, b) => a.first - b.first);

  const passages: Passage[] = [];
  let current: { first: number; last: number; runs: Run[] } | undefined;
  for (const run of runs) {
    const last = Math.min(run.last + SHINGLE_WORDS - 1, list.length - 1);
    if (current && run.first <= current.last) {
      current.last = Math.max(current.last, last);
      current.runs.push(run);
    } else {
      if (current) passages.push(await describe(current));
      current = { first: run.first, last, runs: [run] };
    }
  }
  if (current) passages.push(await describe(current));
  passages.sort((a, b) => a.start - b.start);

  const covered = passages.reduce((sum, p) => sum + p.words, 0);
  return { words: list.length, coverage: list.length ? covered / list.length : 0, passages };

  /** Every shingle hash of an entry's decrypted answer; undefined when unreadable. */
  async function answerShingles(seq: number): Promise<Set<number> | undefined> {
    if (answerCache.has(seq)) return answerCache.get(seq);
    const row = await store.entryBySeq(seq);
    const body = row ? decodeEntry(row.body) : undefined;
    let own: Set<number> | undefined;
    if (row && body?.type === 'request') {
      const content = await readRequestContent(ledger, row.seq, body);
      if (content.answer_text) {
        own = new Set(shingles(words(content.answer_text, seed).words).map((s) => s.hash));
      }
    }
    answerCache.set(seq, own);
    return own;
  }

  /** True when the document shares at least SHINGLE_WORDS shingles with the answer near the hit. */
  async function confirmed(run: Run): Promise<boolean> {
    if (answerCache.size >= MAX_CONFIRMATIONS && !answerCache.has(run.seq)) return false;
    const own = await answerShingles(run.seq);
    if (!own) return false;
    let shared = 0;
    const from = Math.max(0, run.first - MAX_GAP);
    for (let i = from; i <= Math.min(all.length - 1, run.last + MAX_GAP); i += 1) {
      if (own.has((all[i] as { hash: number }).hash)) shared += 1;
    }
    return shared >= SHINGLE_WORDS;
  }

  /**
   * Winnowing keeps one shingle in a window, so hits mark a passage only to
   * within a window. Where the answer can still be decrypted, every shingle
   * of it is compared around the hits to find the exact edges.
   */
  async function refine(group: { first: number; last: number; runs: Run[] }): Promise<void> {
    const seq = group.runs[0]?.seq;
    const own = seq === undefined ? undefined : await answerShingles(seq);
    if (!own) return;
    const reach = MAX_GAP + SHINGLE_WORDS;
    let first = group.first;
    let last = group.last;
    for (let i = Math.max(0, group.first - reach); i < group.first; i += 1) {
      if (own.has((all[i] as { hash: number }).hash)) {
        first = i;
        break;
      }
    }
    for (let i = Math.min(all.length - 1, group.last + reach); i > group.last; i -= 1) {
      if (own.has((all[i] as { hash: number }).hash)) {
        last = Math.min(i + SHINGLE_WORDS - 1, list.length - 1);
        break;
      }
    }
    group.first = first;
    group.last = Math.max(last, group.last);
  }

  async function describe(group: { first: number; last: number; runs: Run[] }): Promise<Passage> {
    await refine(group);
    const start = list[group.first]?.start ?? 0;
    const end = list[group.last]?.end ?? start;
    const sources: PassageSource[] = [];
    const hits = new Map<number, number>();
    for (const run of group.runs) hits.set(run.seq, (hits.get(run.seq) ?? 0) + run.hits);
    for (const [seq, matched] of [...hits].sort((a, b) => b[1] - a[1])) {
      const row = await store.entryBySeq(seq);
      if (!row) continue;
      const body = decodeEntry(row.body);
      const required = requiredAttestations(config.oversight, row);
      const state = oversightState(required, await store.attestationsFor(seq));
      sources.push({
        request_id: row.requestId, index: seq, time: row.time,
        model: body.type === 'request' ? body.model : undefined,
        user: row.user, department: row.department, agent: row.agent,
        attestation: state.status, attested_by: state.approved_by, matched_fingerprints: matched,
      });
    }
    return {
      start, end, words: group.last - group.first + 1, text: normalised.slice(start, end),
      sources,
    };
  }
}
