import Fastify, {
  LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest,
} from 'fastify';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { Identity } from '../identity/key-record.js';
import type { ApiKind } from '../providers/api-kind.js';
import { errorBody, toTokenwardenError } from './error-response.js';
import type { GatewayContext } from './gateway-context.js';
import { recordRefusal } from './record-refusal.js';
import { newRequestId } from './request-id.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerModelRoutes } from './routes/model-routes.js';
import { registerModelsListRoute } from './routes/models-list-route.js';
import { registerOpsRoutes } from './routes/ops-routes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The API shape errors on this route are answered in. */
    api?: ApiKind;
  }
  interface FastifyRequest {
    /** Set once the request's key is authenticated. */
    identity: Identity | undefined;
    /** True once a provider call was made, whose own record covers the request. */
    recorded: boolean;
  }
}

export interface ServerOptions {
  /** Token for `/admin/...`; the admin API is off without one. */
  adminToken?: string | undefined;
}

/** The API shape a request expects its errors in. */
function apiOf(request: FastifyRequest): ApiKind {
  return request.routeOptions.config.api
    ?? (request.headers['anthropic-version'] ? 'anthropic' : 'openai');
}

/**
 * Builds the gateway's HTTP server. Every error, wherever thrown, becomes an
 * answer in exactly one place: the error handler below.
 */
export function buildServer(context: GatewayContext, options: ServerOptions = {}):
  FastifyInstance {
  const app: FastifyInstance = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    logController: new LogController({
      disableRequestLogging: true, requestIdLogLabel: 'request_id',
    }),
    bodyLimit: context.config.max_body_bytes,
    trustProxy: context.config.trust_proxy,
    genReqId: () => newRequestId(),
    return503OnClosing: true,
  });

  app.decorateRequest('identity', undefined);
  app.decorateRequest('recorded', false);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler(async (error, request, reply) => {
    const failure = toTokenwardenError(error);
    if (failure.status >= 500) request.log.error({ err: error }, failure.message);
    else request.log.info({ code: failure.code, status: failure.status }, 'request refused');
    if (failure.status < 500) context.metrics.observeRejection(failure.code);
    await recordRefusal(context, request, failure);
    if (failure.headers) reply.headers(failure.headers);
    if (failure.retryAfter !== undefined) reply.header('retry-after', String(failure.retryAfter));
    return reply.status(failure.status).send(errorBody(apiOf(request), failure, request.id));
  });

  app.setNotFoundHandler((request) => {
    throw new TokenwardenError('route_not_found', `No endpoint ${request.method} ${
      request.url.split('?')[0]}`);
  });

  registerModelRoutes(app, context);
  registerModelsListRoute(app, context);
  registerOpsRoutes(app, context);
  registerAdminRoutes(app, context, options.adminToken);
  return app;
}
