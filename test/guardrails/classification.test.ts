import { describe, expect, it } from 'vitest';
import { clearanceCovers } from '../../src/guardrails/classification/clearance-covers.js';
import { guardrailsFrom } from './helpers.js';

const guardrails = guardrailsFrom({
  classification: {
    markers: { confidential: ['CONFIDENTIAL', '/project\\s+falcon/i'], secret: ['SECRET', 'TLP:RED'] },
    action: 'route', route_model: 'llama3.1',
  },
});

const ask = (content: string, maxLevel?: string) => guardrails.inspectRequest({
  api: 'openai-chat', identity: {}, maxLevel, body: { messages: [{ role: 'user', content }] },
});

describe('classification', () => {
  it('gives the highest level whose marker appears', () => {
    expect(ask('Hello').level).toBe('public');
    expect(ask('CONFIDENTIAL: Q3 numbers').level).toBe('confidential');
    expect(ask('About Project  Falcon').level).toBe('confidential');
    expect(ask('CONFIDENTIAL and TLP:RED').level).toBe('secret');
  });

  it('treats literal markers as case-sensitive words', () => {
    expect(ask('the secret of a good cake').level).toBe('public');
    expect(ask('SECRETARY of state').level).toBe('public');
  });

  it('tells the gateway to route above the lowest level', () => {
    const verdict = ask('SECRET plan');
    expect(verdict.action).toBe('allow');
    expect(verdict.classification).toEqual({ action: 'route', routeModel: 'llama3.1' });
    expect(verdict.findings).toContainEqual({ ruleId: 'classification.secret',
      kind: 'classification', action: 'flag', location: 'request' });
  });

  it('blocks a request above the key maximum level', () => {
    const verdict = ask('SECRET plan', 'confidential');
    expect(verdict.action).toBe('block');
    expect(verdict.blockingRuleId).toBe('classification.max_level');
    expect(ask('CONFIDENTIAL memo', 'confidential').action).toBe('allow');
  });

  it('compares clearances with levels', () => {
    expect(clearanceCovers('confidential', 'internal')).toBe(true);
    expect(clearanceCovers('confidential', 'confidential')).toBe(true);
    expect(clearanceCovers('internal', 'secret')).toBe(false);
    expect(clearanceCovers(undefined, 'public')).toBe(true);
    expect(clearanceCovers(undefined, 'internal')).toBe(false);
    expect(clearanceCovers('bogus', 'internal')).toBe(false);
    expect(clearanceCovers('top', 'top', ['low', 'top'])).toBe(true);
  });
});
