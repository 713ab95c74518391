import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETION_TOKENS, PROMPT_TOKENS, STUB_TEXT } from '../support/stub-upstream.js';
import { recordOf, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const messages = [{ role: 'user' as const, content: 'Say hello' }];

describe('Anthropic SDK through the gateway', () => {
  it('adds cache reads and writes into input, as OpenTelemetry counts', async () => {
    const { data, response } = await harness.anthropic.messages
      .create({ model: 'claude-sonnet-4-5-cached', max_tokens: 100, messages }).withResponse();
    expect(data.content[0]).toMatchObject({ type: 'text', text: STUB_TEXT });

    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.provider).toBe('anthropic-stub');
    expect(record.usage).toEqual({
      inputTokens: PROMPT_TOKENS + 1_000 + 100, cachedTokens: 1_000, cacheWriteTokens: 100,
      outputTokens: COMPLETION_TOKENS, reasoningTokens: 0, source: 'provider',
    });
    expect(record.costUsd).toBeCloseTo(
      (PROMPT_TOKENS * 3 + 1_000 * 0.3 + 100 * 3.75 + COMPLETION_TOKENS * 15) / 1e6, 12);
  });

  it('takes running totals of a stream as totals, not increments', async () => {
    const { data: stream, response } = await harness.anthropic.messages.create({
      model: 'claude-sonnet-4-5', max_tokens: 100, messages, stream: true,
    }).withResponse();
    let text = '';
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        text += event.delta.text;
      }
    }
    expect(text).toBe(STUB_TEXT);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.usage).toMatchObject({
      inputTokens: PROMPT_TOKENS, outputTokens: COMPLETION_TOKENS, source: 'provider',
    });
    expect(record.streamed).toBe(true);
  });

  it('works with the SDK stream helper and its final message', async () => {
    const stream = harness.anthropic.messages.stream({
      model: 'claude-sonnet-4-5', max_tokens: 100, messages,
    });
    const final = await stream.finalMessage();
    expect(final.usage.output_tokens).toBe(COMPLETION_TOKENS);
    expect(final.content[0]).toMatchObject({ text: STUB_TEXT });
  });

  it('keeps the provider input count for a cut-off stream and estimates output', async () => {
    const { data: stream, response } = await harness.anthropic.messages.create({
      model: 'claude-sonnet-4-5-cut', max_tokens: 100, messages, stream: true,
    }).withResponse();
    await expect((async () => {
      for await (const event of stream) void event;
    })()).rejects.toThrow(/cut the answer stream off/);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record).toMatchObject({ outcome: 'cut_off', status: 502 });
    expect(record.usage).toMatchObject({ inputTokens: PROMPT_TOKENS, source: 'estimated' });
    expect(record.usage.outputTokens).toBeGreaterThanOrEqual(3);
  });

  it('passes an error event inside a stream to the client', async () => {
    const stream = await harness.anthropic.messages.create({
      model: 'claude-sonnet-4-5-error-event', max_tokens: 100, messages, stream: true,
    });
    await expect((async () => {
      for await (const event of stream) void event;
    })()).rejects.toThrow(/Overloaded/);
  });

  it('answers count_tokens through the provider', async () => {
    const { data, response } = await harness.anthropic.messages.countTokens({
      model: 'claude-sonnet-4-5', messages,
    }).withResponse();
    expect(data.input_tokens).toBe(PROMPT_TOKENS);
    const record = await recordOf(harness, response.headers.get('x-request-id'));
    expect(record.endpoint).toBe('/v1/messages/count_tokens');
    expect(record.usage.inputTokens).toBe(0);
    expect(record.costUsd).toBe(0);
  });

  it('sends the provider key and anthropic-version upstream', async () => {
    await harness.anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages });
    const headers = harness.stub.received.at(-1)?.headers ?? {};
    expect(headers['x-api-key']).toBe('sk-ant-provider-secret');
    expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(headers)).not.toContain(harness.key);
  });
});
