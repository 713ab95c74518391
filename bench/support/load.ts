import { Pool } from 'undici';

/** One target of the benchmark: where to send and with which headers. */
export interface Target {
  name: string;
  origin: string;
  headers: Record<string, string>;
}

export interface LatencyStats {
  count: number;
  errors: number;
  p50Us: number;
  p99Us: number;
}

const BODY = JSON.stringify({
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'You are a helpful assistant for the finance team.' },
    { role: 'user', content: 'Summarise the quarterly spend report in three bullet points. '
      .repeat(8) },
  ],
  max_tokens: 200,
});
const STREAM_BODY = JSON.stringify({ ...JSON.parse(BODY) as object, stream: true });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

function stats(samples: number[], errors: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: samples.length, errors,
    p50Us: Math.round(percentile(sorted, 0.5)), p99Us: Math.round(percentile(sorted, 0.99)),
  };
}

/**
 * Sends one request and returns microseconds until the whole answer
 * (`untilFirstByte` false) or its first body byte (true).
 */
async function timeOne(pool: Pool, target: Target, stream: boolean): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await pool.request({
    method: 'POST', path: '/v1/chat/completions', body: stream ? STREAM_BODY : BODY,
    headers: { 'content-type': 'application/json', ...target.headers },
  });
  if (response.statusCode !== 200) {
    await response.body.text();
    throw new Error(`${target.name} answered ${response.statusCode}`);
  }
  if (!stream) {
    await response.body.text();
    return Number(process.hrtime.bigint() - start) / 1_000;
  }
  let first = 0;
  for await (const chunk of response.body) {
    if (first === 0 && chunk) first = Number(process.hrtime.bigint() - start) / 1_000;
  }
  return first;
}

/** Open-loop load: `rate` requests per second for `seconds`, whatever the answers do. */
export async function fixedRate(target: Target, options: {
  rate: number; seconds: number; stream?: boolean;
}): Promise<LatencyStats> {
  const pool = new Pool(target.origin, { connections: 64 });
  const samples: number[] = [];
  let errors = 0;
  const total = options.rate * options.seconds;
  const interval = 1_000 / options.rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let sent = 0; sent < total; sent++) {
    const due = started + sent * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(timeOne(pool, target, options.stream ?? false)
      .then((us) => void samples.push(us), () => void errors++));
  }
  await Promise.all(pending);
  await pool.close();
  return stats(samples, errors);
}

/** Closed-loop load: `connections` clients back to back; answers per second. */
export async function saturate(target: Target, options: {
  connections: number; seconds: number;
}): Promise<{ rps: number; errors: number }> {
  const pool = new Pool(target.origin, { connections: options.connections });
  let done = 0;
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1_000;
  const client = async () => {
    while (performance.now() < deadline) {
      await timeOne(pool, target, false).then(() => void done++, (error: Error) => {
        if (errors++ === 0) console.error(`${target.name}: ${error.message}`);
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, client));
  const elapsed = (performance.now() - started) / 1_000;
  await pool.close();
  return { rps: Math.round(done / elapsed), errors };
}

/** Median of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] as number
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
