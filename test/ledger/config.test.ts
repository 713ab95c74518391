import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';

describe('ledger configuration', () => {
  it('works with no ledger section at all', () => {
    const { config } = parseConfig({});
    expect(config.ledger).toMatchObject({ origin: 'tokenwarden.local/ledger',
      checkpoint_interval: 60_000, checkpoint_entries: 10_000, retention: 183 * 86_400_000,
      store_content: true, witnesses: [], oversight: [] });
  });

  it('parses durations, witnesses and oversight rules', () => {
    const { config } = parseConfig({ ledger: { checkpoint_interval: '10s', retention: '365d',
      witnesses: [{ url: 'https://witness.example' }],
      oversight: [{ scope: 'department:legal', attestations: 2 }] } });
    expect(config.ledger.checkpoint_interval).toBe(10_000);
    expect(config.ledger.retention).toBe(365 * 86_400_000);
    expect(config.ledger.oversight).toEqual([{ scope: 'department:legal', attestations: 2 }]);
  });

  it('names the field and the value of a wrong setting', () => {
    expect(() => parseConfig({ ledger: { oversight: [{ scope: 'team:x' }] } }))
      .toThrow(/'ledger.oversight\[0\].scope' must be agent:NAME.*got "team:x"/);
    expect(() => parseConfig({ ledger: { origin: 'two words' } })).toThrow(/ledger.origin/);
  });
});
