// The floor under any gateway built on our stack: fastify receives the
// request, undici forwards it to the stub, the answer goes back. No keys,
// guardrails, metering, ledger or logs. What tokenwarden adds beyond this
// is the cost of its features; what this adds to the stub is the cost of
// Node's HTTP on this machine. Prints its URL.
//
//   node --import tsx bench/support/bare-proxy.ts http://127.0.0.1:PORT
import Fastify from 'fastify';
import { Pool } from 'undici';

const upstream = process.argv[2];
if (!upstream) throw new Error('usage: bare-proxy.ts <upstream origin>');
const pool = new Pool(upstream, { connections: 64 });
const app = Fastify({ logger: false });

// The one route the benchmark calls; the answer's body, streamed or not, is
// piped back as it arrives.
app.post('/v1/chat/completions', async (request, reply) => {
  const response = await pool.request({
    path: request.url, method: 'POST', body: JSON.stringify(request.body),
    headers: { 'content-type': 'application/json' },
  });
  reply.status(response.statusCode)
    .header('content-type', String(response.headers['content-type'] ?? 'application/json'));
  return reply.send(response.body);
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address() as { port: number };
console.log(`http://127.0.0.1:${address.port}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
