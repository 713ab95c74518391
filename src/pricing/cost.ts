import type { PriceUsed, TokenUsage } from '../metering/request-record.js';

/**
 * Dollars for one request's usage: uncached input at the input price, cache
 * reads and writes at theirs, reasoning at the reasoning price (which
 * defaults to the output price) and the rest of the output at the output
 * price. Prices are per million tokens.
 */
export function computeCost(usage: TokenUsage, price: PriceUsed): number {
  const uncached = Math.max(0, usage.inputTokens - usage.cachedTokens - usage.cacheWriteTokens);
  const visibleOutput = Math.max(0, usage.outputTokens - usage.reasoningTokens);
  const micro = uncached * price.input_mtok
    + usage.cachedTokens * price.cache_read_mtok
    + usage.cacheWriteTokens * price.cache_write_mtok
    + visibleOutput * price.output_mtok
    + usage.reasoningTokens * price.reasoning_mtok;
  return micro / 1_000_000;
}
