import type { PriceUsed, RequestRecord } from '../../metering/request-record.js';

/** A `requests` row as SQLite stores it. */
export interface RequestRow {
  id: string;
  time: number;
  key_id: string;
  user: string;
  department: string;
  agent: string | null;
  provider: string;
  model: string;
  endpoint: string;
  streamed: number;
  status: number;
  outcome: string;
  error_code: string | null;
  input_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  usage_source: string;
  latency_ms: number;
  ttft_ms: number | null;
  cost_usd: number;
  price: string | null;
  energy_wh: number | null;
  energy_wh_low: number | null;
  energy_wh_high: number | null;
  co2e_g: number | null;
  co2e_g_low: number | null;
  co2e_g_high: number | null;
  water_ml: number | null;
  water_ml_low: number | null;
  water_ml_high: number | null;
  region: string | null;
  /** JSON array of findings, or null when there were none. */
  findings: string | null;
}

/** Flattens a record into the row's columns. */
export function toRequestRow(record: RequestRecord): RequestRow {
  const { usage, footprint } = record;
  return {
    id: record.id,
    time: record.time.getTime(),
    key_id: record.keyId,
    user: record.user,
    department: record.department,
    agent: record.agent,
    provider: record.provider,
    model: record.model,
    endpoint: record.endpoint,
    streamed: record.streamed ? 1 : 0,
    status: record.status,
    outcome: record.outcome,
    error_code: record.errorCode,
    input_tokens: usage.inputTokens,
    cached_tokens: usage.cachedTokens,
    cache_write_tokens: usage.cacheWriteTokens,
    output_tokens: usage.outputTokens,
    reasoning_tokens: usage.reasoningTokens,
    usage_source: usage.source,
    latency_ms: record.latencyMs,
    ttft_ms: record.ttftMs,
    cost_usd: record.costUsd,
    price: record.price ? JSON.stringify(record.price) : null,
    energy_wh: footprint?.energyWh.mid ?? null,
    energy_wh_low: footprint?.energyWh.low ?? null,
    energy_wh_high: footprint?.energyWh.high ?? null,
    co2e_g: footprint?.co2eG.mid ?? null,
    co2e_g_low: footprint?.co2eG.low ?? null,
    co2e_g_high: footprint?.co2eG.high ?? null,
    water_ml: footprint?.waterMl.mid ?? null,
    water_ml_low: footprint?.waterMl.low ?? null,
    water_ml_high: footprint?.waterMl.high ?? null,
    region: footprint?.region ?? null,
    findings: record.findings.length === 0 ? null : JSON.stringify(record.findings),
  };
}

/** Rebuilds a record from its row. */
export function fromRequestRow(row: RequestRow): RequestRecord {
  const range = (mid: number | null, low: number | null, high: number | null) =>
    ({ mid: mid ?? 0, low: low ?? 0, high: high ?? 0 });
  return {
    id: row.id,
    time: new Date(row.time),
    keyId: row.key_id,
    user: row.user,
    department: row.department,
    agent: row.agent,
    provider: row.provider,
    model: row.model,
    endpoint: row.endpoint,
    streamed: row.streamed === 1,
    status: row.status,
    outcome: row.outcome as RequestRecord['outcome'],
    errorCode: row.error_code,
    usage: {
      inputTokens: row.input_tokens,
      cachedTokens: row.cached_tokens,
      cacheWriteTokens: row.cache_write_tokens,
      outputTokens: row.output_tokens,
      reasoningTokens: row.reasoning_tokens,
      source: row.usage_source as RequestRecord['usage']['source'],
    },
    latencyMs: row.latency_ms,
    ttftMs: row.ttft_ms,
    costUsd: row.cost_usd,
    price: row.price ? JSON.parse(row.price) as PriceUsed : null,
    footprint: row.region === null ? null : {
      energyWh: range(row.energy_wh, row.energy_wh_low, row.energy_wh_high),
      co2eG: range(row.co2e_g, row.co2e_g_low, row.co2e_g_high),
      waterMl: range(row.water_ml, row.water_ml_low, row.water_ml_high),
      region: row.region,
    },
    findings: row.findings ? JSON.parse(row.findings) as RequestRecord['findings'] : [],
  };
}
