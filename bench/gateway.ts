// The gateway benchmark: a stub provider alone, a bare fastify + undici
// proxy in front of it (the floor of our stack, bench/support/bare-proxy.ts),
// tokenwarden in front of it (everything on), and Portkey's open-source
// gateway in front of it, measured in one run. Prints p50/p99 at a fixed 200
// requests/s, saturated throughput with 16 connections, time to first
// streamed byte, and tokenwarden's memory.
//
//   npm run bench:gateway            (ROUNDS=3 SECONDS=5 by default)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { issueKey } from '../src/identity/issue-key.js';
import { SqliteStorage } from '../src/storage/sqlite/sqlite-storage.js';
import { fixedRate, median, saturate, type LatencyStats, type Target } from './support/load.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const ROOT = join(import.meta.dirname, '..');
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

function start(command: string, args: string[], logFile?: string): ChildProcess {
  const out = logFile ? openSync(logFile, 'a') : 'ignore';
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', out, 'inherit'] });
  children.push(child);
  return child;
}

/** Starts a helper under bench/support that prints its URL first. */
async function startHelper(script: string, args: string[] = []): Promise<{ url: string;
  pid: number | undefined; }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `bench/support/${script}`, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  for await (const line of createInterface({ input: child.stdout! })) {
    return { url: line.trim(), pid: child.pid };
  }
  throw new Error(`${script} did not start`);
}

/** CPU time (user + system) a process has used, in microseconds. */
function cpuUs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10_000; // USER_HZ is 100 on Linux
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function main(): Promise<void> {
  // The one-minute load average before anything starts: figures taken on a
  // busy machine are not comparable, and this says how busy it was.
  const loadBefore = loadavg()[0] as number;
  const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-bench-'));
  const stubUrl = (await startHelper('stub-process.ts')).url;
  const bare = await startHelper('bare-proxy.ts', [stubUrl]);

  const twPort = await freePort();
  const config = join(dir, 'tokenwarden.yaml');
  writeFileSync(config, [
    `listen: 127.0.0.1:${twPort}`, `data_dir: ${join(dir, 'data')}`, 'providers:',
    '  - name: stub', '    kind: openai', `    base_url: ${stubUrl}/v1`, '    models: ["gpt-*"]',
    '    region: USA',
    'prices:', '  - {model: "gpt-4o*", input_mtok: 2.5, output_mtok: 10}',
    // Everything on: budgets and limits on the calling key (set high enough
    // never to refuse), every guardrail acting, the ledger storing content.
    'budgets:', '  - {scope: key, period: day, tokens: 100000000000, usd: 1000000, mode: hard}',
    'limits:', '  - {scope: key, rpm: 100000000, tpm: 100000000000}',
    'guardrails:', '  injection: block', '  secrets: block', '  pii: redact',
    '  output: {action: redact, injection: block}',
    '  canary: true', '  extraction: flag',
  ].join('\n'));
  const storage = new SqliteStorage(join(dir, 'data'));
  const { key } = await issueKey(storage.keys, { user: 'bench', department: 'perf' });
  await storage.close();
  // Run as users run it: the bin itself, so the Node flags on its first line apply.
  const gateway = start(join(ROOT, 'bin/tokenwarden.js'), ['serve', '--config', config],
    join(dir, 'gateway.log'));
  await waitFor(`http://127.0.0.1:${twPort}/healthz`);

  const pkPort = await freePort();
  const portkey = start(process.execPath, [join(ROOT, 'node_modules/@portkey-ai/gateway/build/start-server.js'),
    `--port=${pkPort}`, '--headless']);
  const pids: Record<string, number | undefined> = {
    'bare-proxy': bare.pid, tokenwarden: gateway.pid, portkey: portkey.pid,
  };
  await waitFor(`http://127.0.0.1:${pkPort}/`);

  const targets: Target[] = [
    { name: 'stub', origin: stubUrl, headers: {} },
    { name: 'bare-proxy', origin: bare.url, headers: {} },
    { name: 'tokenwarden', origin: `http://127.0.0.1:${twPort}`,
      headers: { authorization: `Bearer ${key}` } },
    { name: 'portkey', origin: `http://127.0.0.1:${pkPort}`, headers: {
      authorization: 'Bearer sk-bench', 'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${stubUrl}/v1` } },
  ];

  for (const target of targets) await saturate(target, { connections: 16, seconds: 1 });

  const fixed = new Map<string, LatencyStats[]>();
  const streamed = new Map<string, LatencyStats[]>();
  const throughput = new Map<string, number[]>();
  const cpuPerRequest = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of targets) {
      const list = fixed.get(target.name) ?? [];
      list.push(await fixedRate(target, { rate: 200, seconds: SECONDS }));
      fixed.set(target.name, list);
      const streams = streamed.get(target.name) ?? [];
      streams.push(await fixedRate(target, { rate: 200, seconds: SECONDS, stream: true }));
      streamed.set(target.name, streams);
      const rps = throughput.get(target.name) ?? [];
      const cpuBefore = cpuUs(pids[target.name]);
      const saturated = await saturate(target, { connections: 16, seconds: SECONDS });
      rps.push(saturated.rps);
      throughput.set(target.name, rps);
      const cpu = cpuPerRequest.get(target.name) ?? [];
      cpu.push((cpuUs(pids[target.name]) - cpuBefore) / (saturated.rps * SECONDS));
      cpuPerRequest.set(target.name, cpu);
    }
  }
  const memory = memoryMb(gateway.pid as number);

  const summary = (map: Map<string, LatencyStats[]>, name: string) => {
    const runs = map.get(name) ?? [];
    return {
      p50_us: median(runs.map((run) => run.p50Us)),
      p99_us: median(runs.map((run) => run.p99Us)),
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
    };
  };
  interface TargetResult {
    p50_us: number; p99_us: number; errors: number; added_p50_us: number;
    added_p99_us: number; ttfb_p50_us: number; added_ttfb_p50_us: number;
    rps_16_connections: number;
    /** CPU time the gateway process spent per request, saturated (0 for the stub). */
    cpu_us_per_request: number;
  }
  const results = new Map<string, TargetResult>();
  const result: Record<string, unknown> = { rounds: ROUNDS, seconds_per_phase: SECONDS,
    load_average_before: Number(loadBefore.toFixed(2)) };
  const base = summary(fixed, 'stub');
  const baseStream = summary(streamed, 'stub');
  for (const target of targets) {
    const latency = summary(fixed, target.name);
    const stream = summary(streamed, target.name);
    const row: TargetResult = {
      p50_us: latency.p50_us, p99_us: latency.p99_us, errors: latency.errors,
      added_p50_us: latency.p50_us - base.p50_us, added_p99_us: latency.p99_us - base.p99_us,
      ttfb_p50_us: stream.p50_us, added_ttfb_p50_us: stream.p50_us - baseStream.p50_us,
      rps_16_connections: median(throughput.get(target.name) ?? []),
      cpu_us_per_request: Math.round(median(cpuPerRequest.get(target.name) ?? [0])),
    };
    results.set(target.name, row);
    result[target.name] = row;
  }
  const tw = results.get('tokenwarden') as TargetResult;
  const pk = results.get('portkey') as TargetResult;
  const floor = results.get('bare-proxy') as TargetResult;
  result.tokenwarden_rss_mb = memory.rss;
  result.tokenwarden_peak_rss_mb = memory.peak;
  result.throughput_ratio_vs_portkey = Number((tw.rps_16_connections / pk.rps_16_connections)
    .toFixed(2));
  // What tokenwarden's features cost beyond the stack they run on.
  const overBare = {
    added_p50_us: tw.p50_us - floor.p50_us, added_ttfb_p50_us: tw.ttfb_p50_us - floor.ttfb_p50_us,
    throughput_ratio: Number((tw.rps_16_connections / floor.rps_16_connections).toFixed(2)),
    bare_proxy_vs_portkey: Number((floor.rps_16_connections / pk.rps_16_connections).toFixed(2)),
  };
  result.tokenwarden_over_bare_proxy = overBare;
  result.targets_met = {
    added_p50_le_300us: tw.added_p50_us <= 300,
    added_p99_le_2000us: tw.added_p99_us <= 2_000,
    throughput_ge_4x_portkey: (result.throughput_ratio_vs_portkey as number) >= 4,
    peak_rss_le_150mb: memory.peak <= 150,
    added_ttfb_p50_le_500us: tw.added_ttfb_p50_us <= 500,
  };

  console.log('target        p50 us   p99 us  +p50 us  +p99 us  ttfb p50    +ttfb  req/s(16)'
    + '  cpu us/req');
  for (const target of targets) {
    const row = results.get(target.name) as TargetResult;
    console.log([target.name.padEnd(12), row.p50_us, row.p99_us, row.added_p50_us,
      row.added_p99_us, row.ttfb_p50_us, row.added_ttfb_p50_us, row.rps_16_connections,
      row.cpu_us_per_request]
      .map((value, index) => index === 0 ? value : String(value).padStart(8)).join(' '));
  }
  console.log(`throughput: tokenwarden ${result.throughput_ratio_vs_portkey}x Portkey; `
    + `the bare proxy ${overBare.bare_proxy_vs_portkey}x Portkey`);
  console.log(`load average (1 min) before the run: ${loadBefore.toFixed(2)}`);
  console.log(`tokenwarden memory: ${memory.rss} MB resident, ${memory.peak} MB peak`);
  console.log(JSON.stringify(result));
  rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
}
