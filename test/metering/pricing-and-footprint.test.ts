import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ImpactCalculator } from '../../src/impact/impact-calculator.js';
import { computeCost } from '../../src/pricing/cost.js';
import { PriceBook } from '../../src/pricing/price-book.js';

const { config } = parseConfig({
  providers: [
    { name: 'openai', kind: 'openai', base_url: 'https://api.openai.com/v1', region: 'USA' },
    { name: 'anthropic', kind: 'anthropic', base_url: 'https://api.anthropic.com' },
    { name: 'local', kind: 'openai', base_url: 'http://127.0.0.1:11434/v1' },
  ],
  prices: [{ model: 'llama*', provider: 'local', input_mtok: 0.1, output_mtok: 0.2 }],
});

describe('prices', () => {
  const book = new PriceBook(config.providers, config.prices);

  it('takes public prices from the catalogue', () => {
    const price = book.priceFor('openai', 'gpt-4o', 1_000);
    expect(price).toMatchObject({ source: 'catalogue' });
    expect(price?.output_mtok).toBeGreaterThan(price?.input_mtok ?? Infinity);
    expect(book.priceFor('anthropic', 'claude-sonnet-4-5', 1_000)?.cache_write_mtok)
      .toBeGreaterThan(0);
  });

  it('prefers a configured price and gives none for an unknown local model', () => {
    expect(book.priceFor('local', 'llama3.1:8b', 10)).toMatchObject({
      source: 'config', input_mtok: 0.1, output_mtok: 0.2, cache_read_mtok: 0.1,
    });
    expect(book.priceFor('local', 'gpt-oss', 10)).toBeNull();
  });

  it('charges uncached input, cache reads, writes, output and reasoning at their prices', () => {
    const cost = computeCost(
      { inputTokens: 1_000, cachedTokens: 300, cacheWriteTokens: 100, outputTokens: 500,
        reasoningTokens: 200, source: 'provider' },
      { source: 'config', input_mtok: 2, cache_read_mtok: 1, cache_write_mtok: 3,
        output_mtok: 10, reasoning_mtok: 20 });
    expect(cost).toBeCloseTo((600 * 2 + 300 * 1 + 100 * 3 + 300 * 10 + 200 * 20) / 1e6, 15);
  });
});

describe('footprint', () => {
  const impact = new ImpactCalculator(config.providers);

  it('matches the EcoLogits check for gpt-4o, 250 output tokens', () => {
    const footprint = impact.footprint('openai', 'gpt-4o', 250, 60);
    expect(footprint?.energyWh.low).toBeCloseTo(0.40, 2);
    expect(footprint?.energyWh.high).toBeCloseTo(0.64, 2);
    expect(footprint?.co2eG.low).toBeCloseTo(0.15, 2);
    expect(footprint?.co2eG.high).toBeCloseTo(0.25, 2);
    expect(footprint?.waterMl.low).toBeCloseTo(1.75, 1);
    expect(footprint?.waterMl.high).toBeCloseTo(2.79, 1);
    expect(footprint?.energyWh.mid).toBeCloseTo(
      ((footprint?.energyWh.low ?? 0) + (footprint?.energyWh.high ?? 0)) / 2, 10);
  });

  it('finds dated names and sizes in local model names', () => {
    expect(impact.footprint('openai', 'gpt-4o-2024-11-20', 100, 10)).not.toBeNull();
    const local = impact.footprint('local', 'llama3.1:8b', 100, 10);
    expect(local?.region).toBe('WOR');
    expect(local?.energyWh.low).toBe(local?.energyWh.high);
    expect(impact.footprint('local', 'mystery-model', 100, 10)).toBeNull();
  });
});
