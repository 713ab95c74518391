import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPLETION_TOKENS, PROMPT_TOKENS, STUB_TEXT,
} from '../support/stub-upstream.js';
import { recordOf, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const messages = [{ role: 'user' as const, content: 'Say hello' }];

describe('OpenAI SDK through the gateway', () => {
  it('meters a chat completion exactly and prices it', async () => {
    const { data, response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o', messages }).withResponse();
    expect(data.choices[0]?.message.content).toBe(STUB_TEXT);

    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record).toMatchObject({
      user: 'alice', department: 'engineering', provider: 'openai-stub', model: 'gpt-4o',
      status: 200, outcome: 'ok', streamed: false,
    });
    expect(record.usage).toEqual({
      inputTokens: PROMPT_TOKENS, cachedTokens: 0, cacheWriteTokens: 0,
      outputTokens: COMPLETION_TOKENS, reasoningTokens: 0, source: 'provider',
    });
    expect(record.costUsd).toBeCloseTo((PROMPT_TOKENS * 2.5 + COMPLETION_TOKENS * 10) / 1e6, 12);
    expect(record.price).toMatchObject({ source: 'config', input_mtok: 2.5 });
    expect(record.footprint?.energyWh.low).toBeGreaterThan(0);
    expect(record.footprint?.energyWh.high).toBeGreaterThan(record.footprint?.energyWh.low ?? 0);
    expect(record.footprint?.region).toBe('USA');
  });

  it('counts cached and reasoning tokens as OpenTelemetry does', async () => {
    const { response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-cached', messages }).withResponse();
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage).toMatchObject({
      inputTokens: PROMPT_TOKENS, cachedTokens: 16, outputTokens: COMPLETION_TOKENS + 9,
      reasoningTokens: 9, source: 'provider',
    });
    const uncached = PROMPT_TOKENS - 16;
    expect(record.costUsd).toBeCloseTo(
      (uncached * 2.5 + 16 * 1.25 + (COMPLETION_TOKENS + 9) * 10) / 1e6, 12);
  });

  it('asks for stream usage and hides it from a client that did not ask', async () => {
    const { data: stream, response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o', messages, stream: true }).withResponse();
    let text = '';
    const chunks: unknown[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe(STUB_TEXT);
    expect(chunks.every((chunk) => (chunk as { choices: unknown[] }).choices.length > 0))
      .toBe(true);
    expect(chunks.some((chunk) => (chunk as { usage?: unknown }).usage)).toBe(false);

    const sent = harness.stub.received.at(-1)?.body as { stream_options?: unknown };
    expect(sent.stream_options).toEqual({ include_usage: true });
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.streamed).toBe(true);
    expect(record.usage).toMatchObject({
      inputTokens: PROMPT_TOKENS, outputTokens: COMPLETION_TOKENS, source: 'provider',
    });
    expect(record.ttftMs).toBeGreaterThan(0);
  });

  it('passes stream usage to a client that asked for it', async () => {
    const { data: stream, response } = await harness.openai.chat.completions.create({
      model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true },
    }).withResponse();
    let usage: unknown;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(usage).toMatchObject({ prompt_tokens: PROMPT_TOKENS });
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage.source).toBe('provider');
  });

  it('keeps usage that arrives on the last chunk with choices', async () => {
    const { data: stream, response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-usage-in-last-choice', messages, stream: true }).withResponse();
    let text = '';
    let sawUsage = false;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) sawUsage = true;
    }
    expect(text).toBe(STUB_TEXT);
    expect(sawUsage).toBe(false);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage).toMatchObject({
      inputTokens: PROMPT_TOKENS, outputTokens: COMPLETION_TOKENS, source: 'provider',
    });
  });

  it('estimates a stream the provider cut off, and tells the client', async () => {
    const { data: stream, response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-cut', messages, stream: true }).withResponse();
    let text = '';
    await expect((async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })()).rejects.toThrow(/cut the answer stream off/);
    expect(text).toBe('Hello from the');

    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record).toMatchObject({ outcome: 'cut_off', errorCode: 'upstream_stream_broken' });
    expect(record.usage.source).toBe('estimated');
    expect(record.usage.outputTokens).toBeGreaterThan(0);
    expect(record.usage.inputTokens).toBeGreaterThan(0);
  });

  it('estimates usage for a server that never reports it', async () => {
    const { response } = await harness.openai.chat.completions
      .create({ model: 'gpt-4o-no-usage', messages }).withResponse();
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage.source).toBe('estimated');
    expect(record.usage.outputTokens).toBe(5);
  });

  it('meters legacy completions, embeddings and the Responses API', async () => {
    const completion = await harness.openai.completions
      .create({ model: 'gpt-4o', prompt: 'Say hello' }).withResponse();
    expect(completion.data.choices[0]?.text).toBe(STUB_TEXT);
    expect((await recordOf(harness, completion.response.headers.get('x-request-id'))).usage)
      .toMatchObject({ inputTokens: PROMPT_TOKENS, outputTokens: COMPLETION_TOKENS });

    const embedding = await harness.openai.embeddings
      .create({ model: 'text-embedding-3-small', input: 'hello' }).withResponse();
    expect(embedding.data.data).toHaveLength(1);
    expect((await recordOf(harness, embedding.response.headers.get('x-request-id'))).usage)
      .toMatchObject({ inputTokens: 7, outputTokens: 0, source: 'provider' });

    const answer = await harness.openai.responses
      .create({ model: 'gpt-4o', input: 'Say hello' }).withResponse();
    expect(answer.data.output_text).toBe(STUB_TEXT);
    expect((await recordOf(harness, answer.response.headers.get('x-request-id'))).usage)
      .toMatchObject({ inputTokens: PROMPT_TOKENS, cachedTokens: 4, reasoningTokens: 3,
        outputTokens: COMPLETION_TOKENS + 3, source: 'provider' });
  });

  it('meters a streamed Responses API answer from its completed event', async () => {
    const { data: stream, response } = await harness.openai.responses
      .create({ model: 'gpt-4o', input: 'Say hello', stream: true }).withResponse();
    let text = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(text).toBe(STUB_TEXT);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage).toMatchObject({
      inputTokens: PROMPT_TOKENS, outputTokens: COMPLETION_TOKENS + 3, source: 'provider',
    });
  });

  it('lists the models the gateway routes', async () => {
    const models = [];
    for await (const model of harness.openai.models.list()) models.push(model.id);
    expect(models).toEqual(['gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small']);
  });

  it('sends the provider key upstream and never the gateway key', async () => {
    await harness.openai.chat.completions.create({ model: 'gpt-4o', messages });
    const headers = harness.stub.received.at(-1)?.headers ?? {};
    expect(headers.authorization).toBe('Bearer sk-provider-secret-openai');
    expect(JSON.stringify(headers)).not.toContain(harness.key);
  });
});
