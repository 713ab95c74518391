import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LooseJson } from '../support/loose-json.js';
import OpenAI from 'openai';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/gateway-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const messages = [{ role: 'user' as const, content: 'hi' }];

function admin(path: string, init: RequestInit = {}, token = ADMIN_TOKEN) {
  return fetch(`${harness.gateway.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
}

describe('health, readiness and metrics', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${harness.gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${harness.gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('exports OpenTelemetry GenAI metrics, cost and rejections', async () => {
    await harness.openai.chat.completions.create({ model: 'gpt-4o', messages });
    await harness.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
      .then(async (stream) => { for await (const chunk of stream) void chunk; });
    await fetch(`${harness.gateway.url}/v1/chat/completions`, { method: 'POST' });

    const text = await (await fetch(`${harness.gateway.url}/metrics`)).text();
    expect(text).toMatch(/gen_ai_client_token_usage_bucket\{.*gen_ai_token_type="input"/);
    expect(text).toMatch(/gen_ai_client_token_usage_sum\{.*gen_ai_token_type="output".*\} \d/);
    expect(text).toMatch(/gen_ai_client_operation_duration_seconds_count\{[^}]*gen_ai_provider_name="openai-stub"/);
    expect(text).toMatch(/gen_ai_server_time_to_first_token_seconds_count\{[^}]*\} [1-9]/);
    expect(text).toMatch(/tokenwarden_cost_usd_total\{[^}]*department="engineering"\} [0-9.e-]+/);
    expect(text).toMatch(/tokenwarden_rejected_requests_total\{reason="missing_api_key"\} 1/);
  });
});

describe('admin API', () => {
  it('refuses calls without the admin token', async () => {
    const response = await admin('/admin/keys', {}, 'wrong-token');
    expect(response.status).toBe(401);
    expect(((await response.json()) as LooseJson).error.code).toBe('admin_token_missing');
    const gatewayKey = await admin('/admin/keys', {}, harness.key);
    expect(gatewayKey.status).toBe(401);
  });

  it('creates, lists and revokes keys', async () => {
    const created = await admin('/admin/keys', {
      method: 'POST', body: JSON.stringify({ user: 'dan', department: 'legal', agent: 'contract-bot',
        expires: '30d' }),
    });
    expect(created.status).toBe(201);
    const key = await created.json() as { id: string; key: string; expires_at: string };
    expect(key.key).toMatch(/^tw-[A-Za-z0-9_-]{43}$/);

    const client = new OpenAI({ apiKey: key.key, baseURL: `${harness.gateway.url}/v1`,
      maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages });

    const list = await (await admin('/admin/keys')).json() as { keys: Record<string, unknown>[] };
    const listed = list.keys.find((entry) => entry.id === key.id);
    expect(listed).toMatchObject({ user: 'dan', agent: 'contract-bot', state: 'active' });
    expect(JSON.stringify(list)).not.toContain(key.key);
    expect(JSON.stringify(list)).not.toMatch(/"hash"/);

    const revoked = await admin(`/admin/keys/${key.id}`, { method: 'DELETE' });
    expect(((await revoked.json()) as LooseJson).state).toBe('revoked');
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages }))
      .rejects.toMatchObject({ status: 401, code: 'key_revoked' });

    const missing = await admin('/admin/keys/key_nothing', { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });

  it('rejects a key request with a wrong field, naming it', async () => {
    const response = await admin('/admin/keys', {
      method: 'POST', body: JSON.stringify({ user: 'dan' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as LooseJson).error.message).toContain("'department'");
  });

  it('reports usage by department', async () => {
    const response = await admin('/admin/usage?by=department');
    const body = await response.json() as { by: string; rows: Record<string, number>[] };
    expect(body.by).toBe('department');
    const engineering = body.rows.find((row) => row.group === ('engineering' as never));
    expect(engineering?.requests).toBeGreaterThanOrEqual(2);
    expect(engineering?.cost_usd).toBeGreaterThan(0);
    const bad = await admin('/admin/usage?by=planet');
    expect(bad.status).toBe(400);
  });
});

describe('logs', () => {
  it('never contain a gateway key, provider key or authorization header', async () => {
    await harness.openai.chat.completions.create({ model: 'gpt-4o', messages });
    await harness.gateway.app.inject({
      method: 'POST', url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${harness.key}`, 'content-type': 'application/json' },
      payload: '{bad',
    });
    harness.gateway.context.logger.info({ req: { headers: { authorization: 'Bearer x' } },
      apiKey: 'sk-leak' }, 'probe');
    harness.gateway.context.logger.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = JSON.stringify(harness.logs);
    expect(harness.logs.length).toBeGreaterThan(2);
    expect(text).not.toContain(harness.key);
    expect(text).not.toContain('sk-provider-secret');
    expect(text).not.toContain('sk-leak');
    expect(text).toContain('[redacted]');
  });
});
