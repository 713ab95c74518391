/**
 * Token counts of one request, in OpenTelemetry's convention: input includes
 * the cached and cache-write parts, output includes reasoning.
 */
export interface TokenUsage {
  inputTokens: number;
  /** Input tokens read from the provider's prompt cache. */
  cachedTokens: number;
  /** Input tokens written to the provider's prompt cache. */
  cacheWriteTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** `provider` when the counts are the provider's own, else `estimated`. */
  source: 'provider' | 'estimated';
}

/** The price a cost was computed with, in dollars per million tokens. */
export interface PriceUsed {
  /** `catalogue` (the price package) or `config` (an override). */
  source: 'catalogue' | 'config';
  input_mtok: number;
  output_mtok: number;
  cache_read_mtok: number;
  cache_write_mtok: number;
  reasoning_mtok: number;
}

/** A quantity estimated as a range: the middle is reported, low and high kept. */
export interface Range {
  mid: number;
  low: number;
  high: number;
}

/** Environmental footprint of one request. */
export interface Footprint {
  energyWh: Range;
  co2eG: Range;
  waterMl: Range;
  /** Grid zone the carbon and water intensities came from. */
  region: string;
}

export type Outcome = 'ok' | 'error' | 'cancelled' | 'cut_off' | 'blocked';

/** A guardrail finding kept with the request: the rule, never the matched text. */
export interface RecordedFinding {
  ruleId: string;
  kind: string;
  action: string;
  location: string;
}

/** What the gateway records for every request that reached a provider. */
export interface RequestRecord {
  id: string;
  time: Date;
  keyId: string;
  user: string;
  department: string;
  agent: string | null;
  provider: string;
  model: string;
  endpoint: string;
  streamed: boolean;
  status: number;
  outcome: Outcome;
  errorCode: string | null;
  usage: TokenUsage;
  latencyMs: number;
  /** Time to the first byte of the answer body, for streams. */
  ttftMs: number | null;
  costUsd: number;
  price: PriceUsed | null;
  footprint: Footprint | null;
  /** Guardrail findings on the request and its answer. */
  findings: RecordedFinding[];
}

/** Zero usage, estimated: the start point before anything is known. */
export function emptyUsage(source: TokenUsage['source'] = 'estimated'): TokenUsage {
  return {
    inputTokens: 0, cachedTokens: 0, cacheWriteTokens: 0,
    outputTokens: 0, reasoningTokens: 0, source,
  };
}
