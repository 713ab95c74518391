import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LooseJson } from '../support/loose-json.js';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { issueKey } from '../../src/identity/issue-key.js';
import { recordOf, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    // Every key failure here comes from one address; bans have their own tests.
    config: { max_body_bytes: 64 * 1024, max_answer_bytes: 32 * 1024,
      bans: { ignore: ['127.0.0.0/8', '::1'] } },
    providerOverrides: { timeout: '400ms' },
  });
});
afterAll(() => harness.close());

const messages = [{ role: 'user' as const, content: 'hi' }];

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${harness.gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${harness.key}`,
      ...headers },
    body,
  });
  return { response, json: await response.json() as LooseJson };
}

describe('bad input gets a clear error in the caller\'s shape', () => {
  it('rejects malformed JSON with 400 invalid_json', async () => {
    const { response, json } = await post('/v1/chat/completions', '{"model": "gpt-4o",');
    expect(response.status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_json', type: 'invalid_request_error' });
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('answers Anthropic routes in Anthropic\'s error shape', async () => {
    const { response, json } = await post('/v1/messages', 'not json');
    expect(response.status).toBe(400);
    expect(json).toMatchObject({
      type: 'error', error: { type: 'invalid_request_error', code: 'invalid_json' },
    });
  });

  it('rejects a body over the size limit with 413', async () => {
    const big = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user',
      content: 'x'.repeat(100 * 1024) }] });
    const { response, json } = await post('/v1/chat/completions', big);
    expect(response.status).toBe(413);
    expect(json.error.code).toBe('body_too_large');
    const anthropic = await post('/v1/messages', big);
    expect(anthropic.json.error).toMatchObject({ type: 'request_too_large' });
  });

  it('names the field of the wrong type', async () => {
    const { response, json } = await post('/v1/chat/completions',
      JSON.stringify({ model: 5, messages }));
    expect(response.status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_request' });
    expect(json.error.message).toContain("'model' must be a non-empty string: got 5");

    const stream = await post('/v1/chat/completions',
      JSON.stringify({ model: 'gpt-4o', messages, stream: 'yes' }));
    expect(stream.json.error.message).toContain("'stream' must be a boolean");

    const array = await post('/v1/chat/completions', '[1,2]');
    expect(array.json.error.code).toBe('invalid_request');
  });

  it('answers 404 model_not_found for a model no provider serves', async () => {
    await expect(harness.openai.chat.completions.create({ model: 'mystery-1', messages }))
      .rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('points to the right endpoint for a model of the other API', async () => {
    await expect(harness.openai.chat.completions.create({ model: 'claude-3', messages }))
      .rejects.toMatchObject({ status: 400, code: 'model_wrong_api' });
  });

  it('refuses missing, wrong, expired and revoked keys with 401 and a code', async () => {
    const url = harness.gateway.url;
    const noKey = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages }),
    });
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as LooseJson).error.code).toBe('missing_api_key');

    const wrong = new OpenAI({ apiKey: 'tw-not-a-real-key', baseURL: `${url}/v1`, maxRetries: 0 });
    await expect(wrong.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });

    const past = new Date(Date.now() - 2 * 86_400_000);
    const expired = await issueKey(harness.storage.keys, {
      user: 'bob', department: 'sales', expiresInMs: 86_400_000, now: past,
    });
    const expiredClient = new Anthropic({ apiKey: expired.key, baseURL: url, maxRetries: 0 });
    await expect(expiredClient.messages.create({ model: 'claude-x', max_tokens: 5, messages }))
      .rejects.toMatchObject({ status: 401, error: { error: { code: 'key_expired',
        type: 'authentication_error' } } });

    const revoked = await issueKey(harness.storage.keys, { user: 'carol', department: 'ops' });
    await harness.storage.keys.revoke(revoked.record.id, new Date());
    const revokedClient = new OpenAI({ apiKey: revoked.key, baseURL: `${url}/v1`, maxRetries: 0 });
    await expect(revokedClient.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'key_revoked' });
  });

  it('refuses a key revoked from another process on its next request', async () => {
    const issued = await issueKey(harness.storage.keys, { user: 'dave', department: 'ops' });
    const client = new OpenAI({ apiKey: issued.key, baseURL: `${harness.gateway.url}/v1`,
      maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    // A second connection, as `tokenwarden keys revoke` opens while the gateway runs.
    const other = new SqliteStorage(harness.dataDir);
    await other.keys.revoke(issued.record.id, new Date());
    await other.close();
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'key_revoked' });
  });

  it('refuses a key revoked through the gateway on its next request', async () => {
    const issued = await issueKey(harness.storage.keys, { user: 'erin', department: 'ops' });
    const client = new OpenAI({ apiKey: issued.key, baseURL: `${harness.gateway.url}/v1`,
      maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    await harness.storage.keys.revoke(issued.record.id, new Date());
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'key_revoked' });
  });

  it('reports an upstream 500 as 502 and records it', async () => {
    const failure = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-500', messages }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 502, code: 'upstream_error' });
    const id = (failure as { headers: Headers }).headers.get('x-request-id');
    const record = await recordOf(harness, id);
    expect(record).toMatchObject({ status: 500, outcome: 'error', errorCode: 'upstream_error' });
    expect(record.usage.inputTokens).toBe(0);
  });

  it('passes a provider 429 through with its retry-after', async () => {
    const failure = await harness.anthropic.messages
      .create({ model: 'claude-x-429', max_tokens: 5, messages }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 429 });
    expect((failure as { headers: Headers }).headers.get('retry-after')).toBe('7');
  });

  it('answers 504 when the provider does not answer in time, and records it', async () => {
    const failure = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-slow', messages }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 504, code: 'upstream_timeout' });
    const id = (failure as { headers: Headers }).headers.get('x-request-id');
    expect((await recordOf(harness, id)).errorCode).toBe('upstream_timeout');
  });

  it('stops a whole answer over max_answer_bytes with 502, counting its usage', async () => {
    const failure = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-huge', messages }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 502, code: 'upstream_answer_too_large' });
    const id = (failure as { headers: Headers }).headers.get('x-request-id');
    const record = await recordOf(harness, id);
    expect(record).toMatchObject({ status: 502, outcome: 'error',
      errorCode: 'upstream_answer_too_large' });
    // 66 KB of text announced: some 16,000 tokens by the bytes-per-token rule.
    expect(record.usage.source).toBe('estimated');
    expect(record.usage.inputTokens).toBeGreaterThan(0);
    expect(record.usage.outputTokens).toBeGreaterThan(15_000);
  });

  it('stops a stream over max_answer_bytes with an error event, counting what came', async () => {
    const { data: stream, response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-huge', messages, stream: true }).withResponse();
    let text = '';
    const read = async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    };
    await expect(read()).rejects.toMatchObject({ code: 'upstream_answer_too_large' });
    expect(text.length).toBeGreaterThan(1_000);
    // At most one network chunk past the limit, never the whole 66 KB.
    expect(text.length).toBeLessThan(32 * 1024 + 64 * 1024);
    expect(text.length).toBeLessThan(66_000);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record).toMatchObject({ outcome: 'cut_off', errorCode: 'upstream_answer_too_large' });
    expect(record.usage.source).toBe('estimated');
    expect(record.usage.outputTokens).toBeGreaterThan(100);
  });

  it('answers an unknown path with 404 and a request id', async () => {
    const response = await fetch(`${harness.gateway.url}/v1/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(((await response.json()) as LooseJson).error.code).toBe('route_not_found');
  });
});

describe('upstream that cannot be reached', () => {
  it('answers 502 upstream_unreachable', async () => {
    const dead = await startHarness();
    await dead.stub.close();
    await expect(dead.openai.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 502, code: 'upstream_unreachable' });
    await dead.close();
  });
});
