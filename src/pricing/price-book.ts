import { calcPrice, findProvider, type ModelPrice, type TieredPrices } from
  '@pydantic/genai-prices';
import type { PriceOverride, ProviderConfig } from '../config/schema.js';
import type { PriceUsed } from '../metering/request-record.js';
import { compileModelPattern } from '../providers/model-pattern.js';

type CataloguePrice = ModelPrice | null;

interface Override {
  matches: (model: string) => boolean;
  provider: string | undefined;
  price: PriceUsed;
}

function isLocal(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]'
    || /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host);
}

/** The price for a given input size: tiered prices step up past a threshold. */
function priceAt(value: number | TieredPrices | undefined,
  inputTokens: number): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  let price = value.base;
  for (const tier of value.tiers) if (inputTokens > tier.start) price = tier.price;
  return price;
}

/**
 * Prices per model: overrides from the configuration first (negotiated or
 * local prices), then the maintained catalogue in `@pydantic/genai-prices`.
 * Servers on local addresses get no catalogue price, since a model name like
 * `gpt-oss` there says nothing about what it costs.
 */
export class PriceBook {
  readonly #overrides: Override[];
  readonly #providers = new Map<string, { id: string | undefined }>();
  readonly #catalogue = new Map<string, CataloguePrice>();

  constructor(providers: readonly ProviderConfig[], overrides: readonly PriceOverride[]) {
    this.#overrides = overrides.map((entry) => ({
      matches: compileModelPattern(entry.model),
      provider: entry.provider,
      price: {
        source: 'config',
        input_mtok: entry.input_mtok,
        output_mtok: entry.output_mtok,
        cache_read_mtok: entry.cache_read_mtok ?? entry.input_mtok,
        cache_write_mtok: entry.cache_write_mtok ?? entry.input_mtok,
        reasoning_mtok: entry.reasoning_mtok ?? entry.output_mtok,
      },
    }));
    for (const provider of providers) {
      const byUrl = findProvider({ providerApiUrl: provider.base_url })?.id;
      const id = byUrl ?? (isLocal(provider.base_url) ? undefined : provider.kind);
      this.#providers.set(provider.name, { id });
    }
  }

  /** The price to charge, or null when neither configuration nor catalogue knows it. */
  priceFor(provider: string, model: string, inputTokens: number): PriceUsed | null {
    const override = this.#overrides.find((entry) =>
      (entry.provider === undefined || entry.provider === provider) && entry.matches(model));
    if (override) return override.price;

    const catalogue = this.#cataloguePrice(provider, model);
    if (!catalogue) return null;
    const input = priceAt(catalogue.input_mtok, inputTokens) ?? 0;
    const output = priceAt(catalogue.output_mtok, inputTokens) ?? 0;
    return {
      source: 'catalogue',
      input_mtok: input,
      output_mtok: output,
      cache_read_mtok: priceAt(catalogue.cache_read_mtok, inputTokens) ?? input,
      cache_write_mtok: priceAt(catalogue.cache_write_mtok, inputTokens) ?? input,
      reasoning_mtok: priceAt(catalogue.output_reasoning_mtok, inputTokens) ?? output,
    };
  }

  #cataloguePrice(provider: string, model: string): CataloguePrice {
    const key = `${provider}\u0000${model}`;
    let price = this.#catalogue.get(key);
    if (price === undefined) {
      const providerId = this.#providers.get(provider)?.id;
      price = providerId
        ? calcPrice({ input_tokens: 1 }, model, { providerId })?.model_price ?? null
        : null;
      if (this.#catalogue.size < 10_000) this.#catalogue.set(key, price);
    }
    return price;
  }
}
