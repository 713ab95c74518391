import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOf, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('a client that goes away', () => {
  it('cancels the upstream call and records the request as cancelled', async () => {
    const controller = new AbortController();
    const response = await fetch(`${harness.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${harness.key}` },
      body: JSON.stringify({
        model: 'gpt-4o-drip', stream: true, messages: [{ role: 'user', content: 'hi' }],
      }),
      signal: controller.signal,
    });
    const id = response.headers.get('x-request-id');
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();

    // The stub drips a piece every 200 ms; a cancelled call stops before the end.
    const record = await recordOf(harness, id);
    expect(record).toMatchObject({ outcome: 'cancelled', status: 499, streamed: true });
    expect(record.usage.source).toBe('estimated');
    expect(record.usage.outputTokens).toBeLessThan(5);
    expect(record.latencyMs).toBeLessThan(900);
  });
});
