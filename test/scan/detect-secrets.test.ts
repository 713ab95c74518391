import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../src/detectors/secrets/detect-secrets.js';
import { SECRET_RULES } from '../../src/detectors/secrets/all-rules.js';
import { lookAlikes, MAKERS } from './corpus.js';
import { UNPREFIXED_MAKERS, unprefixedLookAlikes } from './corpus-unprefixed.js';

/** Every maker: prefixed keys and credentials found by the code or file around them. */
const ALL_MAKERS = { ...MAKERS, ...UNPREFIXED_MAKERS };

describe('detectSecrets', () => {
  for (const [family, make] of Object.entries(ALL_MAKERS)) {
    it(`finds a ${family} credential at the offsets of its value`, () => {
      for (let round = 0; round < 5; round++) {
        const planted = make();
        const text = `# config\nname = "demo"\n${planted.text}\nport = 8080\n`;
        const matches = detectSecrets(text);

        expect(matches, planted.text).toHaveLength(1);
        const [match] = matches;
        expect(match?.ruleId).toBe(planted.ruleId);
        expect(text.slice(match?.start, match?.end)).toBe(planted.secret);
      }
    });
  }

  it('reports nothing on look-alikes, placeholders and documented examples', () => {
    for (const line of [...lookAlikes(), ...unprefixedLookAlikes()]) {
      expect(detectSecrets(`${line}\n`), line).toEqual([]);
    }
  });

  it('finds every credential of a file that holds them all', () => {
    const planted = Object.values(ALL_MAKERS).map((make) => make());
    const text = planted.map((p) => p.text).join('\n\nfiller line\n');
    const found = detectSecrets(text).map((m) => text.slice(m.start, m.end));
    expect(found.sort()).toEqual(planted.map((p) => p.secret).sort());
  });

  it('gives UTF-16 offsets in text with characters outside ASCII', () => {
    const planted = MAKERS.github?.();
    const text = `// 🔑 clé: ${planted?.text}`;
    const [match] = detectSecrets(text);
    expect(text.slice(match?.start, match?.end)).toBe(planted?.secret);
  });

  it('finds a key in a JSON string with escaped line breaks', () => {
    const block = MAKERS.privateKey?.().secret ?? '';
    const json = JSON.stringify({ type: 'service_account', private_key: block });
    const [match] = detectSecrets(json);
    expect(match?.ruleId).toBe('private-key');
  });

  it('keeps the specific rule where a generic one overlaps it', () => {
    const planted = MAKERS.github?.();
    const [match] = detectSecrets(`api_token = "${planted?.secret}"`);
    expect(match?.ruleId).toBe('github-token');
  });

  it('has unique rule ids, lower-case keywords and a secret group in every rule', () => {
    const ids = SECRET_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SECRET_RULES) {
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase());
      expect(rule.pattern.source, rule.id).toContain('(?<secret');
      expect(rule.pattern.flags, rule.id).toContain('d');
    }
  });

  it('stays linear on a long line with many keywords', () => {
    const text = 'token secret password api_key '.repeat(40_000);
    const start = performance.now();
    detectSecrets(text);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
