/**
 * Time of the input guardrails on a 4,000-token chat request (mixed prose,
 * code, a tool result with personal data) with every check on, against
 * `JSON.stringify` of the same body as a baseline. Median of 5 runs.
 *
 *   npm run bench:guardrails
 */
import { encode } from 'gpt-tokenizer';
import { guardrailsConfigSchema } from '../src/guardrails/config.js';
import { Guardrails } from '../src/guardrails/guardrails.js';

const RUNS = 5;
const ITERATIONS = 300;

const PROSE = 'The quarterly review covered revenue, hiring and the migration of the billing '
  + 'service to the new cluster. Latency improved by twelve percent after the cache change, '
  + 'and the team plans to retire the legacy queue before the end of the year. ';
const CODE = 'function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n';
const TOOL = 'Search results:\n1. Contact support@example.com or +1 415 555 0132 for refunds.\n'
  + '2. Order 88231 shipped on 2024-05-02 to 10.0.4.17.\n3. Our office opens at 9:00.\n';

function buildBody(tokens: number): Record<string, unknown> {
  let user = '';
  while (encode(user).length < tokens * 0.7) user += PROSE + (user.length % 3 === 0 ? CODE : '');
  let tool = '';
  while (encode(tool).length < tokens * 0.3) tool += TOOL + PROSE;
  return {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'You are a helpful analyst. CONFIDENTIAL.' },
      { role: 'user', content: user },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function',
        function: { name: 'search', arguments: '{"q":"refund policy"}' } }] },
      { role: 'tool', tool_call_id: 'c1', content: tool },
    ],
  };
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

function time(run: () => void): { p50: number; p99: number } {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentiles(samples);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function main(): void {
  const body = buildBody(4000);
  const tokens = encode(JSON.stringify(body)).length;
  const guardrails = new Guardrails(guardrailsConfigSchema.parse({
    injection: 'block', secrets: 'redact', pii: 'redact', output: 'redact', canary: true,
    classification: { markers: { confidential: ['CONFIDENTIAL'] }, action: 'route' },
    extraction: { action: 'flag' },
  }));
  const inspect = () => guardrails.inspectRequest({ api: 'openai-chat', body,
    identity: { keyId: 'bench', department: 'finance' } });
  inspect();

  const runs = Array.from({ length: RUNS }, () => ({
    guard: time(inspect),
    baseline: time(() => JSON.stringify(body)),
  }));

  const p50 = median(runs.map((r) => r.guard.p50));
  const p99 = median(runs.map((r) => r.guard.p99));
  const base50 = median(runs.map((r) => r.baseline.p50));
  const base99 = median(runs.map((r) => r.baseline.p99));
  console.log(`request: ${tokens} tokens, ${JSON.stringify(body).length} bytes; `
    + `median of ${RUNS} runs x ${ITERATIONS}`);
  console.log(`guardrails      p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms`);
  console.log(`JSON.stringify  p50 ${base50.toFixed(3)} ms  p99 ${base99.toFixed(3)} ms`);
  console.log(`ratio           p50 ${(p50 / base50).toFixed(1)}x  p99 ${(p99 / base99).toFixed(1)}x`);
  console.log(`target p99 <= 1 ms: ${p99 <= 1 ? 'met' : 'not met'}`);
}

main();
