import { AnthropicMeter, CountTokensMeter } from '../../metering/anthropic-meter.js';
import type { AnswerMeter } from '../../metering/answer-meter.js';
import {
  EmbeddingsMeter, OpenAiChatMeter, ResponsesMeter,
} from '../../metering/openai-meter.js';
import type { Endpoint } from '../../providers/api-kind.js';

/** The meter that reads answers of `endpoint`. */
export function createMeter(endpoint: Endpoint, hideUsage: boolean): AnswerMeter {
  switch (endpoint.path) {
    case '/v1/embeddings':
      return new EmbeddingsMeter();
    case '/v1/responses':
      return new ResponsesMeter();
    case '/v1/messages':
      return new AnthropicMeter();
    case '/v1/messages/count_tokens':
      return new CountTokensMeter();
    default:
      return new OpenAiChatMeter({ hideUsage });
  }
}

/**
 * Whether the gateway must ask for stream usage on the client's behalf:
 * OpenAI-style chat and completions streams report usage only when asked.
 */
export function needsUsageRequest(endpoint: Endpoint, streamed: boolean,
  includeUsage: boolean | null | undefined): boolean {
  return streamed && includeUsage !== true
    && (endpoint.path === '/v1/chat/completions' || endpoint.path === '/v1/completions');
}
