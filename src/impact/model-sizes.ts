import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPACT_DATA_DIR } from './data-path.js';

/** Parameters in billions, as a range (equal ends for a known size). */
export interface ParameterRange {
  low: number;
  high: number;
}

/** What the footprint formula needs to know about a model. */
export interface ModelSize {
  /** Parameters used per token (all of them for dense models). */
  active: ParameterRange;
  /** All parameters, which decide how many GPUs hold the model. */
  total: ParameterRange;
  /** Output tokens per second and seconds to first token, as measured publicly. */
  tps: number | undefined;
  ttft: number | undefined;
}

type Parameters = number | { min: number; max: number }
  | { total: number | { min: number; max: number }; active: number | { min: number; max: number } };

interface ModelEntry {
  provider: string;
  name: string;
  architecture: { type: 'dense' | 'moe'; parameters: Parameters };
  deployment?: { tps?: number; ttft?: number };
}

interface AliasEntry {
  name: string;
  alias: string;
}

function toRange(value: number | { min: number; max: number }): ParameterRange {
  return typeof value === 'number'
    ? { low: value, high: value } : { low: value.min, high: value.max };
}

function toSize(entry: ModelEntry): ModelSize {
  const parameters = entry.architecture.parameters;
  const split = typeof parameters === 'object' && 'total' in parameters;
  const active = toRange(split ? parameters.active : parameters);
  return {
    active,
    total: split ? toRange(parameters.total) : active,
    tps: entry.deployment?.tps,
    ttft: entry.deployment?.ttft,
  };
}

/**
 * Model sizes from the shipped EcoLogits table, looked up by the name a
 * client sends. Names are tried as given, then by alias, then without a date
 * suffix (`gpt-4o-2024-08-06` -> `gpt-4o`), then by a size in the name
 * (`llama3.1:8b`, `qwen2.5-72b-instruct`) for local models.
 */
export class ModelSizes {
  readonly #byName = new Map<string, ModelSize>();
  readonly #cache = new Map<string, ModelSize | null>();

  constructor(file = join(IMPACT_DATA_DIR, 'models.json')) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      models: ModelEntry[];
      aliases: AliasEntry[];
    };
    for (const entry of data.models) {
      const key = entry.name.toLowerCase();
      const short = key.slice(key.lastIndexOf('/') + 1);
      if (!this.#byName.has(short)) this.#byName.set(short, toSize(entry));
    }
    for (const alias of data.aliases) {
      const target = this.#byName.get(alias.alias.toLowerCase());
      if (target) this.#byName.set(alias.name.toLowerCase(), target);
    }
  }

  /** The size of `model`, or undefined when nothing is known of it. */
  lookup(model: string): ModelSize | undefined {
    const key = model.toLowerCase();
    let size = this.#cache.get(key);
    if (size === undefined) {
      size = this.#find(key) ?? null;
      if (this.#cache.size < 10_000) this.#cache.set(key, size);
    }
    return size ?? undefined;
  }

  #find(key: string): ModelSize | undefined {
    const short = key.slice(key.lastIndexOf('/') + 1);
    const exact = this.#byName.get(short);
    if (exact) return exact;

    const undated = short.replace(/-\d{4}-?\d{2}-?\d{2}$/, '').replace(/-latest$/, '');
    const byStem = this.#byName.get(undated);
    if (byStem) return byStem;

    // Local servers name models with their size: llama3.1:8b, qwen2.5-7b-instruct.
    const sized = /(?:^|[^0-9.])(\d+(?:\.\d+)?)b(?:$|[^a-z])/.exec(short);
    if (sized) {
      const billions = Number(sized[1]);
      const range = { low: billions, high: billions };
      return { active: range, total: range, tps: undefined, ttft: undefined };
    }
    return undefined;
  }
}
