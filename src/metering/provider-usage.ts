import type { TokenUsage } from './request-record.js';

type Json = Record<string, unknown>;

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' ? value as Json : {};
}

/**
 * Usage from an OpenAI chat or completions `usage` object, where
 * `prompt_tokens` already includes the cached part and `completion_tokens`
 * the reasoning part.
 */
export function fromOpenAiUsage(usage: Json): TokenUsage {
  return {
    inputTokens: num(usage.prompt_tokens),
    cachedTokens: num(obj(usage.prompt_tokens_details).cached_tokens),
    cacheWriteTokens: 0,
    outputTokens: num(usage.completion_tokens),
    reasoningTokens: num(obj(usage.completion_tokens_details).reasoning_tokens),
    source: 'provider',
  };
}

/** Usage from an OpenAI Responses API `usage` object. */
export function fromResponsesUsage(usage: Json): TokenUsage {
  return {
    inputTokens: num(usage.input_tokens),
    cachedTokens: num(obj(usage.input_tokens_details).cached_tokens),
    cacheWriteTokens: 0,
    outputTokens: num(usage.output_tokens),
    reasoningTokens: num(obj(usage.output_tokens_details).reasoning_tokens),
    source: 'provider',
  };
}

/**
 * Usage from an Anthropic `usage` object. Anthropic's `input_tokens` excludes
 * cache reads and writes, so the three are added to follow OpenTelemetry's
 * convention that input includes the cached part.
 */
export function fromAnthropicUsage(usage: Json): TokenUsage {
  const read = num(usage.cache_read_input_tokens);
  const write = num(usage.cache_creation_input_tokens);
  return {
    inputTokens: num(usage.input_tokens) + read + write,
    cachedTokens: read,
    cacheWriteTokens: write,
    outputTokens: num(usage.output_tokens),
    reasoningTokens: 0,
    source: 'provider',
  };
}

/** Whether `value` is a usage object a provider filled in. */
export function isUsage(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
