import { afterEach, describe, expect, it } from 'vitest';
import type { LooseJson } from '../support/loose-json.js';
import OpenAI from 'openai';
import { periodBounds } from '../../src/budgets/period.js';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/gateway-harness.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { COMPLETION_TOKENS, PROMPT_TOKENS } from '../support/stub-upstream.js';

const USAGE = PROMPT_TOKENS + COMPLETION_TOKENS;
const messages = [{ role: 'user' as const, content: 'hi' }];
let harness: Harness | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await harness?.close();
  harness = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function admin(path: string, init: RequestInit = {}) {
  const response = await fetch(`${harness!.gateway.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
  return response.json() as Promise<LooseJson>;
}

function post(headers: Record<string, string> = {}, body: object = { model: 'gpt-4o', messages }) {
  return fetch(`${harness!.gateway.url}/v1/chat/completions`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${harness!.key}`,
      ...headers },
  });
}

describe('hard budgets under concurrency', () => {
  it('let 60 concurrent calls overshoot a nearly spent budget by at most one reservation',
    async () => {
      harness = await startHarness({ config: { budgets: [
        { scope: 'user:alice', period: 'day', tokens: 1_000, mode: 'hard' }] } });
      const { start } = periodBounds('day', 'UTC', new Date());
      await harness.storage.budgets.addSpend({ budgetId: 'config:0', scopeKey: 'user:alice',
        periodStart: start, tokens: 960, usd: 0 });

      const results = await Promise.all(Array.from({ length: 60 }, () => harness!.openai.chat
        .completions.create({ model: 'gpt-4o', messages, max_tokens: 100 })
        .then(() => 200, (error: { status: number; code: string; headers: Headers }) => {
          expect(error.code).toBe('budget_exhausted');
          expect(Number(error.headers.get('retry-after'))).toBeGreaterThan(0);
          return error.status;
        })));
      // A call that finished before the others reserved may let one more in.
      const admitted = results.filter((status) => status === 200).length;
      expect(admitted).toBeGreaterThanOrEqual(1);
      expect(admitted).toBeLessThanOrEqual(2);
      expect(results.filter((status) => status === 429)).toHaveLength(60 - admitted);

      const [budget] = (await admin('/admin/budgets')).budgets;
      expect(budget).toMatchObject({ subject: 'user:alice', reserved_tokens: 0,
        spent_tokens: 960 + USAGE * admitted });
      const reservation = Math.ceil(JSON.stringify({ model: 'gpt-4o', messages,
        max_tokens: 100 }).length / 3) + 100;
      expect(budget.spent_tokens).toBeLessThanOrEqual(1_000 + reservation);

      const rejections = (await admin('/admin/rejections?limit=100')).rejections;
      expect(rejections).toHaveLength(60 - admitted);
      expect(rejections[0]).toMatchObject({ code: 'budget_exhausted', user: 'alice',
        rule: 'budget config:0' });
    });
});

describe('soft budgets', () => {
  it('let calls pass and post alerts at alert_at and at 100% to webhooks', async () => {
    const json = await startWebhookReceiver({ failFirst: 1 });
    const slack = await startWebhookReceiver();
    cleanups.push(json.close, slack.close);
    harness = await startHarness({ config: {
      budgets: [{ scope: 'department:engineering', period: 'month', tokens: 50, mode: 'soft',
        alert_at: 0.5 }],
      alerts: { webhooks: [{ url: json.url }, { url: slack.url, format: 'slack' }] },
    } });
    for (let call = 0; call < 3; call++) {
      await harness.openai.chat.completions.create({ model: 'gpt-4o', messages });
    }
    // The first post to the JSON receiver fails and is retried, so order may vary.
    const posts = await json.waitFor(2);
    expect(posts.map((post) => post.kind).sort()).toEqual(['budget_exhausted',
      'budget_threshold']);
    expect(posts.find((post) => post.kind === 'budget_threshold')).toMatchObject({
      subject: 'department:engineering', details: { spent_tokens: USAGE, tokens_limit: 50 } });
    const texts = (await slack.waitFor(2)).map((post) => post.text);
    expect(texts[1]).toMatch(/budget_exhausted: department:engineering has used 104%/);
    const warnings = harness.logs.filter((line) => line.alert === 'budget_exhausted');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe(40);
  });
});

describe('rate limits', () => {
  it('limit requests per minute per key with OpenAI headers', async () => {
    harness = await startHarness({ config: { limits: [{ scope: 'key', rpm: 3 }] } });
    const remaining = [];
    for (let call = 0; call < 3; call++) {
      const response = await post();
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining-requests'));
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('x-ratelimit-reset-requests')).toMatch(/^\d+(ms|s|m\d+s)$/);
    expect(((await refused.json()) as LooseJson).error).toMatchObject({ code: 'rate_limited',
      type: 'rate_limit_error' });
  });

  it('limit tokens per minute, charging an estimate and settling to the real usage', async () => {
    harness = await startHarness({ config: { limits: [{ scope: 'user:alice', tpm: 600 }] } });
    const first = await post({}, { model: 'gpt-4o', messages, max_tokens: 200 });
    expect(first.headers.get('x-ratelimit-limit-tokens')).toBe('600');
    const afterEstimate = Number(first.headers.get('x-ratelimit-remaining-tokens'));
    expect(afterEstimate).toBeLessThan(600 - 200);
    await first.text();

    // The estimate was given back down to the real usage, so this fits again.
    const second = await post({}, { model: 'gpt-4o', messages, max_tokens: 200 });
    expect(second.status).toBe(200);
    expect(Number(second.headers.get('x-ratelimit-remaining-tokens')))
      .toBeGreaterThanOrEqual(afterEstimate - USAGE - 1);
    const tooBig = await post({}, { model: 'gpt-4o', messages, max_tokens: 1_000 });
    expect(tooBig.status).toBe(429);
  });
});

describe('bans', () => {
  it('ban an address after repeated failures, expire, and double for repeat offenders',
    async () => {
      const hook = await startWebhookReceiver();
      cleanups.push(hook.close);
      harness = await startHarness({ config: {
        bans: { max_failures: 3, window: '1m', ban_time: '1s', max_ban_time: '3s' },
        alerts: { webhooks: [{ url: hook.url }] },
      } });
      const fail = () => post({ authorization: 'Bearer tw-wrong' });
      for (let attempt = 0; attempt < 3; attempt++) expect((await fail()).status).toBe(401);
      const banned = await post();
      expect(banned.status).toBe(403);
      expect(((await banned.json()) as LooseJson).error.code).toBe('address_banned');
      expect((await hook.waitFor(1))[0]).toMatchObject({ kind: 'ban' });

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await post()).status).toBe(200);

      for (let attempt = 0; attempt < 3; attempt++) await fail();
      const [ban] = (await admin('/admin/bans')).bans;
      expect(ban).toMatchObject({ offences: 2, active: true });
      expect(Date.parse(ban.until) - Date.parse(ban.banned_at)).toBe(2_000);

      const lifted = await admin(`/admin/bans/${encodeURIComponent(ban.address)}`,
        { method: 'DELETE' });
      expect(lifted.lifted).toBe(true);
      expect((await post()).status).toBe(200);
    });

  it('never ban an ignored address', async () => {
    harness = await startHarness({ config: {
      bans: { max_failures: 2, ignore: ['127.0.0.0/8', '::1'] } } });
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await post({ authorization: 'Bearer tw-wrong' })).status).toBe(401);
    }
    expect((await post()).status).toBe(200);
  });

  it('believe X-Forwarded-For only from a trusted proxy', async () => {
    harness = await startHarness({ config: { trust_proxy: ['127.0.0.1'],
      bans: { max_failures: 2 } } });
    const client = { 'x-forwarded-for': '203.0.113.9' };
    await post({ ...client, authorization: 'Bearer tw-wrong' });
    await post({ ...client, authorization: 'Bearer tw-wrong' });
    expect((await post(client)).status).toBe(403);
    expect((await post({ 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
    const [ban] = (await admin('/admin/bans')).bans;
    expect(ban.address).toBe('203.0.113.9');
  });

  it('ignore X-Forwarded-For without a trusted proxy', async () => {
    harness = await startHarness({ config: { bans: { max_failures: 2 } } });
    await post({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer tw-wrong' });
    await post({ 'x-forwarded-for': '203.0.113.9', authorization: 'Bearer tw-wrong' });
    expect((await post({ 'x-forwarded-for': '198.51.100.1' })).status).toBe(403);
  });
});

describe('a key revoked during a stream', () => {
  it('finishes the stream and settles its reservation', async () => {
    harness = await startHarness({ config: { budgets: [
      { scope: 'user:alice', period: 'day', tokens: 100_000, mode: 'hard' }] } });
    const stream = await harness.openai.chat.completions.create({
      model: 'gpt-4o-drip', messages, stream: true, max_tokens: 500 });
    let text = '';
    let revoked = false;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (!revoked) {
        revoked = true;
        const during = (await admin('/admin/budgets')).budgets[0];
        expect(during.reserved_tokens).toBeGreaterThan(500);
        await admin(`/admin/keys/${harness.keyId}`, { method: 'DELETE' });
      }
    }
    expect(text).toBe('Hello from the stub.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = (await admin('/admin/budgets')).budgets[0];
    expect(after).toMatchObject({ reserved_tokens: 0, spent_tokens: USAGE });
    const client = new OpenAI({ apiKey: harness.key, baseURL: `${harness.gateway.url}/v1`,
      maxRetries: 0 });
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'key_revoked' });
  });
});
