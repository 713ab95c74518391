import type { TokenUsage } from './request-record.js';

type CountTokens = (text: string) => number;
let counter: Promise<CountTokens> | undefined;

/**
 * Loads gpt-tokenizer's o200k_base encoding on first use only: its tables
 * take memory that a gateway whose providers always report usage never needs.
 */
function loadCounter(): Promise<CountTokens> {
  counter ??= import('gpt-tokenizer/encoding/o200k_base').then((module) => module.countTokens);
  return counter;
}

/** Counts tokens of `text` with o200k_base (an estimate for other models). */
export async function countTokens(text: string): Promise<number> {
  if (text.length === 0) return 0;
  return (await loadCounter())(text);
}

const TEXT_KEYS = new Set(['content', 'text', 'input', 'prompt', 'system', 'instructions',
  'arguments', 'output']);

/** Every text a request body sends the model, concatenated, for estimates. */
export function promptText(body: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown, collect: boolean): void => {
    if (typeof value === 'string') {
      if (collect) parts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, collect);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, collect || TEXT_KEYS.has(key));
    }
  };
  if (body !== null && typeof body === 'object') {
    const { messages, ...rest } = body as Record<string, unknown>;
    walk(messages, true);
    walk(rest, false);
  }
  return parts.join('\n');
}

/**
 * Completes usage the provider did not (fully) report: keeps the provider's
 * input count where it gave one and counts the rest, marked estimated.
 */
export async function estimateUsage(options: {
  reported: TokenUsage | null;
  requestBody: unknown;
  answerText: string;
}): Promise<TokenUsage> {
  const { reported } = options;
  const counted = await countTokens(options.answerText);
  const inputTokens = reported && reported.inputTokens > 0
    ? reported.inputTokens
    : await countTokens(promptText(options.requestBody));
  return {
    inputTokens,
    cachedTokens: reported?.cachedTokens ?? 0,
    cacheWriteTokens: reported?.cacheWriteTokens ?? 0,
    outputTokens: Math.max(counted, reported?.outputTokens ?? 0),
    reasoningTokens: reported?.reasoningTokens ?? 0,
    source: 'estimated',
  };
}
