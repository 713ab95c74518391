import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProviderConfig } from '../../config/schema.js';
import { compileModelPattern } from '../../providers/model-pattern.js';
import { authenticate } from '../authenticate.js';
import type { GatewayContext } from '../gateway-context.js';

const CACHE_MS = 60_000;

interface ModelEntry {
  id: string;
  provider: string;
}

/**
 * `GET /v1/models`: the models the gateway will route, from each provider's
 * own list filtered by the provider's patterns (cached for a minute), or the
 * literal names in the patterns when a provider cannot be asked. Answers in
 * Anthropic's shape when the client sends `anthropic-version`.
 */
export function registerModelsListRoute(app: FastifyInstance, context: GatewayContext): void {
  const cache = new Map<string, { at: number; models: string[] }>();

  const modelsOf = async (provider: ProviderConfig, request: FastifyRequest) => {
    const cached = cache.get(provider.name);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.models;
    const models = await fetchModels(context, provider, request)
      .catch((error: unknown) => {
        request.log.warn({ err: error, provider: provider.name }, 'model list unavailable');
        return provider.models.filter((pattern) => !pattern.includes('*'));
      });
    cache.set(provider.name, { at: Date.now(), models });
    return models;
  };

  app.get('/v1/models', async (request, reply) => {
    await authenticate(context.storage.keys, request.headers);
    const anthropic = typeof request.headers['anthropic-version'] === 'string';
    const entries: ModelEntry[] = [];
    const seen = new Set<string>();
    for (const provider of context.router.providers) {
      if ((provider.kind === 'anthropic') !== anthropic) continue;
      for (const id of await modelsOf(provider, request)) {
        if (seen.has(id)) continue;
        seen.add(id);
        entries.push({ id, provider: provider.name });
      }
    }
    return reply.send(anthropic ? anthropicList(entries) : openAiList(entries));
  });
}

async function fetchModels(context: GatewayContext, provider: ProviderConfig,
  request: FastifyRequest): Promise<string[]> {
  const response = await context.upstream.send(provider.name, {
    path: '/v1/models', method: 'GET', clientHeaders: request.headers,
    signal: AbortSignal.timeout(5_000),
  });
  const body = await response.body.json() as { data?: { id?: unknown }[] };
  if (response.statusCode >= 400 || !Array.isArray(body.data)) {
    throw new Error(`model list answered ${response.statusCode}`);
  }
  const tests = provider.models.map(compileModelPattern);
  return body.data
    .map((model) => model.id)
    .filter((id): id is string => typeof id === 'string')
    .filter((id) => tests.length === 0 || tests.some((test) => test(id)));
}

function openAiList(entries: ModelEntry[]): object {
  return {
    object: 'list',
    data: entries.map((entry) => ({
      id: entry.id, object: 'model', created: 0, owned_by: entry.provider,
    })),
  };
}

function anthropicList(entries: ModelEntry[]): object {
  return {
    data: entries.map((entry) => ({
      type: 'model', id: entry.id, display_name: entry.id, created_at: '1970-01-01T00:00:00Z',
    })),
    has_more: false,
    first_id: entries[0]?.id ?? null,
    last_id: entries.at(-1)?.id ?? null,
  };
}
