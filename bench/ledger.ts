// Ledger benchmark: durable appends with group commit, full verification and
// inclusion proofs, plus a same-run baseline of unbatched SQLite inserts.
// Prints one JSON line; `appends_vs_baseline` compares with the same ledger
// writing one transaction per append, and `verify_vs_one_thread` compares
// verification as `audit verify` does it (threads from 262,144 entries) with
// verification on one thread, both on the stopped ledger. `cli_verify_s` times
// the whole `tokenwarden audit verify` command. Verification runs the compiled
// code in dist/, as the command does (`npm run bench:ledger` builds it first).
// LEDGER_BENCH_ENTRIES scales the run (default 30000); LEDGER_BENCH_ENTRIES=1000000
// measures verification of a million entries.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { NoteVerifier } from '../src/ledger/checkpoint/note-keys.js';
import { ledgerConfigSchema } from '../src/ledger/config.js';
import { Ledger, type LedgerRequest } from '../src/ledger/ledger.js';
import type { LedgerStore } from '../src/ledger/store/ledger-store.js';

const ROOT = join(import.meta.dirname, '..');
const { verifyStoredLedger } = await import(pathToFileURL(
  join(ROOT, 'dist', 'ledger', 'verify', 'verify-ledger.js')).href) as
  typeof import('../src/ledger/verify/verify-ledger.js');

const ENTRIES = Number(process.env.LEDGER_BENCH_ENTRIES ?? 30_000);
const BASELINE_ROWS = 3_000;
/** LEDGER_BENCH_CONTENT=off measures commitments only (no content, no provenance index). */
const STORE_CONTENT = process.env.LEDGER_BENCH_CONTENT !== 'off';
const IN_FLIGHT = 512;

/** CPU time per append of the last `appendAll`, in microseconds (robust to a busy host). */
let lastCpuUs = 0;

const SENTENCE = 'The forecast for the third quarter depends on the renewal rate of the '
  + 'enterprise customers, which rose from 87 to 91 percent after the new support plan. ';

const VOCABULARY = (SENTENCE + 'customer revenue churn pricing contract supplier audit '
  + 'policy risk model answer budget forecast invoice region team quarter growth margin '
  + 'product launch market share support ticket backlog hiring plan review').split(/\W+/)
  .filter((w) => w.length > 0);

/** ~150 words of varied prose, so the provenance index gets a realistic load. */
function answerProse(i: number): string {
  let state = (i * 2654435761) >>> 0;
  const words: string[] = [];
  for (let w = 0; w < 150; w += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(VOCABULARY[state % VOCABULARY.length] as string);
    if (w % 15 === 14) words.push('.');
  }
  return words.join(' ');
}

/** A chat request of realistic size: ~1.5 kB prompt, ~2 kB answer body. */
function makeRequest(i: number): LedgerRequest {
  const answerText = answerProse(i);
  return {
    requestId: `bench-${i}`, time: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
    endpoint: '/v1/chat/completions',
    identity: { keyId: `key-${i % 50}`, user: `user-${i % 200}`, department: `dept-${i % 8}` },
    provider: 'openai', model: 'gpt-4o-mini', status: 200, outcome: 'ok',
    usage: { inputTokens: 350, cachedTokens: 128, cacheWriteTokens: 0, outputTokens: 180,
      reasoningTokens: 0, estimated: false },
    costUsd: 0.000161, findings: i % 10 === 0 ? [{ ruleId: 'pii.email', kind: 'pii',
      action: 'redact' }] : [],
    prompt: JSON.stringify({ model: 'gpt-4o-mini', messages: [
      { role: 'system', content: SENTENCE.repeat(4) },
      { role: 'user', content: `${SENTENCE.repeat(6)} Question ${i}?` }] }),
    answer: JSON.stringify({ id: `chatcmpl-${i}`, object: 'chat.completion', choices: [
      { index: 0, message: { role: 'assistant', content: answerText }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 350, completion_tokens: 180, total_tokens: 530 } }),
    answerText,
  };
}

/**
 * Appends with IN_FLIGHT concurrent callers, each awaiting its durable
 * append, like the gateway's request handlers. Requests are made just in
 * time from a pre-built pool, so a million-entry run fits in memory.
 */
async function appendAll(ledger: Ledger, count: number, pool: LedgerRequest[]): Promise<number> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const request = pool[i % pool.length] as LedgerRequest;
      await ledger.append({ ...request, requestId: `bench-${i}` });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const cpu = process.cpuUsage(cpuStart);
  lastCpuUs = (cpu.user + cpu.system) / count;
  return count / ((performance.now() - start) / 1000);
}

/** The same ledger with group commit off: one transaction per append, same rows. */
async function ungrouped(dir: string, pool: LedgerRequest[]): Promise<number> {
  const ledger = await Ledger.open({ dataDir: join(dir, 'ungrouped'), maxBatch: 1,
    config: ledgerConfigSchema.parse({ store_content: STORE_CONTENT }) });
  const rate = await appendAll(ledger, BASELINE_ROWS, pool);
  await ledger.close();
  return rate;
}

/** The request rows written the naive way: one INSERT per request, each its own commit. */
function baseline(dir: string, requests: LedgerRequest[]): number {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE log (id TEXT PRIMARY KEY, time TEXT, body TEXT, prompt TEXT, answer TEXT)');
  const insert = db.prepare('INSERT INTO log VALUES (?, ?, ?, ?, ?)');
  const start = performance.now();
  for (const r of requests) {
    insert.run(r.requestId, r.time, JSON.stringify({ ...r, prompt: undefined, answer: undefined }),
      r.prompt, r.answer);
  }
  const rate = requests.length / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

/** Seconds to verify the whole ledger with `threads` threads (default as `audit verify`). */
async function timeVerify(store: LedgerStore, verifier: NoteVerifier, threads?: number)
  : Promise<number> {
  const start = performance.now();
  const report = await verifyStoredLedger({ store, verifier, threads });
  if (!report.ok) throw new Error(`verification failed: ${report.problem?.message}`);
  return (performance.now() - start) / 1000;
}

/** Seconds from start to exit of `tokenwarden audit verify` on the data folder. */
function timeCommand(dataDir: string): number {
  const config = join(dataDir, 'bench.yaml');
  writeFileSync(config, `data_dir: ${dataDir}\n`);
  const start = performance.now();
  const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'tokenwarden.js'), '-c', config,
    'audit', 'verify', '--format', 'json'], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (!(JSON.parse(out) as { ok: boolean }).ok) throw new Error(`verification failed: ${out}`);
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const dir = mkdtempSync(join(tmpdir(), 'tw-bench-ledger-'));
try {
  const requests = Array.from({ length: Math.min(ENTRIES, 20_000) }, (_, i) => makeRequest(i));
  const ledger = await Ledger.open({ dataDir: dir, config: ledgerConfigSchema.parse({
    store_content: STORE_CONTENT }) });
  const appendsPerS = await appendAll(ledger, ENTRIES, requests);
  const appendCpuUs = lastCpuUs;
  await ledger.checkpoint();

  const { reader, signer } = ledger.context;
  const verifier = NoteVerifier.fromVerifierKey(signer.verifierKey());
  const proofTimes: number[] = [];
  for (let i = 0; i < 1000; i += 1) {
    const index = Math.floor(Math.random() * ENTRIES);
    const start = performance.now();
    await reader.inclusion(index, ENTRIES);
    proofTimes.push(performance.now() - start);
  }
  await ledger.close();

  // Verified on the stopped ledger, as an auditor's command meets it. Right after
  // a million appends the WAL still held gigabytes that were being written out,
  // which slowed verification and made it vary from run to run.
  const stopped = await Ledger.open({ dataDir: dir, config: ledgerConfigSchema.parse({
    store_content: STORE_CONTENT }), background: false });
  // Each way twice, alternating, the faster kept: the first verification in a
  // process also pays for compiling the code.
  const oneThread: number[] = [];
  const threaded: number[] = [];
  for (let round = 0; round < 2; round += 1) {
    oneThread.push(await timeVerify(stopped.context.store, verifier, 1));
    threaded.push(await timeVerify(stopped.context.store, verifier));
  }
  const [verifySeconds, oneThreadSeconds] = [Math.min(...threaded), Math.min(...oneThread)];
  await stopped.close();
  const commandSeconds = timeCommand(dir);

  const baselinePerS = baseline(dir, requests.slice(0, BASELINE_ROWS));
  const ungroupedPerS = await ungrouped(dir, requests);
  console.log(JSON.stringify({
    bench: 'ledger', entries: ENTRIES, in_flight: IN_FLIGHT,
    appends_per_s: Math.round(appendsPerS),
    append_cpu_us: Math.round(appendCpuUs),
    baseline_ungrouped_appends_per_s: Math.round(ungroupedPerS),
    appends_vs_baseline: Number((appendsPerS / ungroupedPerS).toFixed(2)),
    plain_sqlite_inserts_per_s: Math.round(baselinePerS),
    verify_entries_per_s: Math.round(ENTRIES / verifySeconds),
    verify_s: Number(verifySeconds.toFixed(2)),
    one_thread_verify_entries_per_s: Math.round(ENTRIES / oneThreadSeconds),
    verify_vs_one_thread: Number((oneThreadSeconds / verifySeconds).toFixed(2)),
    cli_verify_s: Number(commandSeconds.toFixed(2)),
    proof_ms: Number(median(proofTimes).toFixed(3)),
    proof_p99_ms: Number(proofTimes.sort((a, b) => a - b)[989]?.toFixed(3)),
    node: process.version,
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
