import type { FastifyInstance } from 'fastify';
import { ENDPOINTS } from '../../providers/api-kind.js';
import type { GatewayContext } from '../gateway-context.js';
import { forwardModelRequest } from '../proxy/forward-model-request.js';

/** The OpenAI and Anthropic model endpoints, all served by one request path. */
export function registerModelRoutes(app: FastifyInstance, context: GatewayContext): void {
  for (const endpoint of Object.values(ENDPOINTS)) {
    app.post(endpoint.path, { config: { api: endpoint.api } }, (request, reply) =>
      forwardModelRequest(context, endpoint, request, reply));
  }
}
