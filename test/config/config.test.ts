import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';

describe('configuration', () => {
  it('starts on defaults with three providers', () => {
    const { config } = parseConfig({});
    expect(config.listen).toBe('127.0.0.1:8080');
    expect(config.providers.map((provider) => provider.name))
      .toEqual(['openai', 'anthropic', 'ollama']);
  });

  it.each([
    [{ listen: 'localhost:70000' }, "'listen' port must be between 0 and 65535: got \"localhost:70000\""],
    [{ providers: [{ name: 'x', kind: 'grpc', base_url: 'http://a' }] },
      "'providers[0].kind' must be openai or anthropic: got \"grpc\""],
    [{ providers: [{ name: 'x', kind: 'openai', base_url: 'ftp://a' }] },
      "'providers[0].base_url' must be an http or https URL: got \"ftp://a\""],
    [{ providers: [{ name: 'x', kind: 'openai', base_url: 'http://a', timeout: 'soon' }] },
      "'providers[0].timeout' must be a duration like 30s, 10m, 1h or 90d: got \"soon\""],
    [{ storage: 'mongodb' }, "'storage' must be sqlite"],
    [{ colour: 'blue' }, "unknown field 'colour' in the top level"],
    [{ providers: [{ name: 'a', kind: 'openai', base_url: 'http://a' },
      { name: 'a', kind: 'openai', base_url: 'http://b' }] },
    "'providers[1].name' must be unique among providers: got \"a\""],
  ])('names the field and the value: %j', (input, message) => {
    expect(() => parseConfig(input)).toThrow(message);
  });

  it('reads YAML and refuses a named file that is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenwarden-config-'));
    const file = join(dir, 'gateway.yaml');
    writeFileSync(file, 'listen: 0.0.0.0:9000\nproviders:\n  - {name: a, kind: anthropic, '
      + 'base_url: "http://127.0.0.1:1"}\n');
    expect(loadConfig(file).config.listen).toBe('0.0.0.0:9000');
    expect(() => loadConfig(join(dir, 'nope.yaml'))).toThrow(/no such file/);
    writeFileSync(file, 'listen: [unclosed');
    expect(() => loadConfig(file)).toThrow(/Cannot read configuration/);
  });
});
