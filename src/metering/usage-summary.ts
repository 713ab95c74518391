export type UsageGrouping = 'user' | 'department' | 'agent' | 'model';

export interface UsageQuery {
  by: UsageGrouping;
  /** Inclusive start; undefined for the beginning of records. */
  since?: Date;
  /** Exclusive end; undefined for now. */
  until?: Date;
}

/** One group's totals, as printed by `tokenwarden usage --format json`. */
export interface UsageRow {
  group: string;
  requests: number;
  input_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cost_usd: number;
  energy_wh: number;
  co2e_g: number;
  water_ml: number;
  estimated_requests: number;
}

export const USAGE_SUM_FIELDS = [
  'requests', 'input_tokens', 'cached_tokens', 'cache_write_tokens', 'output_tokens',
  'reasoning_tokens', 'cost_usd', 'energy_wh', 'co2e_g', 'water_ml', 'estimated_requests',
] as const satisfies readonly (keyof UsageRow)[];

/** Adds `from` into `into`, field by field. */
export function addUsageRow(into: UsageRow, from: Omit<UsageRow, 'group'>): void {
  for (const field of USAGE_SUM_FIELDS) into[field] += from[field];
}
