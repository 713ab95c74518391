/** The two wire formats tokenwarden speaks, to clients and to providers. */
export type ApiKind = 'openai' | 'anthropic';

/** One endpoint of the HTTP surface and what it takes to meter it. */
export interface Endpoint {
  /** Path as clients call it, e.g. `/v1/chat/completions`. */
  path: string;
  api: ApiKind;
  /** OpenTelemetry `gen_ai.operation.name`. */
  operation: 'chat' | 'text_completion' | 'embeddings' | 'responses' | 'count_tokens';
  /** Whether the body's `stream: true` asks for server-sent events. */
  streams: boolean;
  /** Whether the answer carries token usage at all. */
  metered: boolean;
}

export const ENDPOINTS = {
  chat: {
    path: '/v1/chat/completions', api: 'openai', operation: 'chat', streams: true,
    metered: true,
  },
  completions: {
    path: '/v1/completions', api: 'openai', operation: 'text_completion', streams: true,
    metered: true,
  },
  embeddings: {
    path: '/v1/embeddings', api: 'openai', operation: 'embeddings', streams: false,
    metered: true,
  },
  responses: {
    path: '/v1/responses', api: 'openai', operation: 'responses', streams: true, metered: true,
  },
  messages: {
    path: '/v1/messages', api: 'anthropic', operation: 'chat', streams: true, metered: true,
  },
  countTokens: {
    path: '/v1/messages/count_tokens', api: 'anthropic', operation: 'count_tokens',
    streams: false, metered: false,
  },
} as const satisfies Record<string, Endpoint>;
