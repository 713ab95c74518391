import type { IncomingHttpHeaders } from 'node:http';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { ProviderConfig } from '../config/schema.js';
import { TokenwardenError } from '../errors/tokenwarden-error.js';

/** Client headers a provider needs to see; everything else stays at the gateway. */
const FORWARDED_HEADERS = ['anthropic-version', 'anthropic-beta', 'openai-beta'];
const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

interface Upstream {
  provider: ProviderConfig;
  pool: Pool;
  basePath: string;
  apiKey: string | undefined;
}

export interface UpstreamRequest {
  /** The endpoint path as the client called it, e.g. `/v1/chat/completions`. */
  path: string;
  method: 'GET' | 'POST';
  body?: string;
  clientHeaders: IncomingHttpHeaders;
  signal: AbortSignal;
}

/**
 * Connection pools towards each provider (undici), with the provider's key
 * added here and nowhere else: it never appears in a client response or log.
 */
export class UpstreamClient {
  readonly #upstreams = new Map<string, Upstream>();

  constructor(providers: readonly ProviderConfig[], env: NodeJS.ProcessEnv = process.env) {
    for (const provider of providers) {
      const url = new URL(provider.base_url);
      this.#upstreams.set(provider.name, {
        provider,
        pool: new Pool(url.origin, {
          connections: 256,
          connect: { timeout: provider.connect_timeout },
          keepAliveTimeout: 30_000,
          headersTimeout: provider.timeout,
          bodyTimeout: provider.timeout,
        }),
        basePath: url.pathname.replace(/\/+$/, ''),
        apiKey: provider.api_key_env ? env[provider.api_key_env] : undefined,
      });
    }
  }

  /** Names of providers whose `api_key_env` is set in the configuration but empty. */
  missingKeys(): string[] {
    return [...this.#upstreams.values()]
      .filter((upstream) => upstream.provider.api_key_env && !upstream.apiKey)
      .map((upstream) => upstream.provider.name);
  }

  /**
   * Sends one request to a provider.
   *
   * @throws TokenwardenError `upstream_timeout` or `upstream_unreachable`
   *   when no answer head arrives; a caller's abort rejects with AbortError.
   */
  async send(providerName: string, request: UpstreamRequest): Promise<Dispatcher.ResponseData> {
    const upstream = this.#upstreams.get(providerName);
    if (!upstream) throw new TokenwardenError('internal_error', `No pool for ${providerName}`);
    try {
      return await upstream.pool.request({
        method: request.method,
        path: this.#path(upstream, request.path),
        headers: this.#headers(upstream, request.clientHeaders),
        body: request.body ?? null,
        signal: request.signal,
      });
    } catch (error) {
      throw toUpstreamError(error, upstream.provider.name);
    }
  }

  /** Closes every pool. */
  async close(): Promise<void> {
    await Promise.all([...this.#upstreams.values()].map((upstream) => upstream.pool.close()));
  }

  #path(upstream: Upstream, path: string): string {
    // OpenAI-style base URLs end in /v1 (as the SDKs expect); Anthropic's do not.
    const relative = upstream.provider.kind === 'openai' ? path.replace(/^\/v1/, '') : path;
    const query = new URLSearchParams(upstream.provider.query).toString();
    return `${upstream.basePath}${relative}${query ? `?${query}` : ''}`;
  }

  #headers(upstream: Upstream, client: IncomingHttpHeaders): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    };
    for (const name of FORWARDED_HEADERS) {
      const value = client[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const { provider, apiKey } = upstream;
    if (provider.kind === 'anthropic') {
      headers['anthropic-version'] ??= DEFAULT_ANTHROPIC_VERSION;
    }
    if (apiKey) {
      const auth = provider.auth ?? (provider.kind === 'anthropic' ? 'x-api-key' : 'bearer');
      if (auth === 'bearer') headers.authorization = `Bearer ${apiKey}`;
      else headers[auth] = apiKey;
    }
    return { ...headers, ...provider.headers };
  }
}

/** Maps undici's failures before an answer head to the catalogue. */
export function toUpstreamError(error: unknown, provider: string): unknown {
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (error instanceof undiciErrors.HeadersTimeoutError
    || error instanceof undiciErrors.BodyTimeoutError) {
    return new TokenwardenError('upstream_timeout',
      `Provider "${provider}" did not answer in time`, { cause: error });
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) {
    return new TokenwardenError('upstream_timeout',
      `Provider "${provider}" did not accept a connection in time`, { cause: error });
  }
  return new TokenwardenError('upstream_unreachable',
    `Provider "${provider}" could not be reached: ${(error as Error).message}`,
    { cause: error });
}
