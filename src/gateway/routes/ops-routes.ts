import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

/** `/healthz` (the process answers), `/readyz` (storage answers), `/metrics`. */
export function registerOpsRoutes(app: FastifyInstance, context: GatewayContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const ready = await context.storage.ping().catch(() => false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await context.metrics.registry.metrics();
    return reply.header('content-type', context.metrics.registry.contentType).send(text);
  });
}
