import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../gateway-context.js';

/**
 * `/healthz` (the process answers), `/readyz` (both stores can commit: with
 * a full disk the gateway answers every model call with 503, so it should
 * get no traffic), `/metrics`.
 */
export function registerOpsRoutes(app: FastifyInstance, context: GatewayContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const checks = await Promise.all([context.storage.ping(), context.ledger.context.store.ping()]
      .map((check) => check.catch(() => false)));
    const ready = checks.every(Boolean);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready' });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await context.metrics.registry.metrics();
    return reply.header('content-type', context.metrics.registry.contentType).send(text);
  });
}
