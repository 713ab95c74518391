import { z } from 'zod';
import { alertsSchema } from '../alerts/alert-config.js';
import { bansSchema } from '../bans/ban-config.js';
import { budgetSchema, budgetSettingsSchema } from '../budgets/budget-config.js';
import { limitSchema } from '../limits/limit-config.js';
import { durationField } from './duration.js';
import { guardrailsConfigSchema } from '../guardrails/config.js';
import { ledgerConfigSchema } from '../ledger/config.js';

const listenField = z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/, {
  message: 'must be HOST:PORT',
}).refine((value) => {
  const port = Number(value.slice(value.lastIndexOf(':') + 1));
  return port >= 0 && port <= 65535;
}, { message: 'port must be between 0 and 65535' });

/** A price in dollars per million tokens, as catalogues state them. */
const mtok = z.number().nonnegative();

export const priceOverrideSchema = z.strictObject({
  model: z.string().min(1),
  provider: z.string().min(1).optional(),
  input_mtok: mtok,
  output_mtok: mtok,
  cache_read_mtok: mtok.optional(),
  cache_write_mtok: mtok.optional(),
  reasoning_mtok: mtok.optional(),
});

export const providerSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, {
    message: 'must be lower-case letters, digits, - or _',
  }),
  kind: z.enum(['openai', 'anthropic'], { message: 'must be openai or anthropic' }),
  base_url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }),
  api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  /** How the provider key is sent: `bearer` (OpenAI), `api-key` (Azure OpenAI). */
  auth: z.enum(['bearer', 'api-key', 'x-api-key']).optional(),
  models: z.array(z.string().min(1)).default([]),
  /** Grid zone (ISO-3 country code or WOR) for carbon and water. */
  region: z.string().regex(/^[A-Z]{3}$/, { message: 'must be an ISO-3 code such as USA' })
    .optional(),
  pue: z.number().min(1).max(3).optional(),
  wue: z.number().min(0).max(10).optional(),
  clearance: z.string().min(1).optional(),
  timeout: durationField.default(600_000),
  connect_timeout: durationField.default(10_000),
  /** Extra query parameters, e.g. Azure's `api-version`. */
  query: z.record(z.string(), z.string()).default({}),
  headers: z.record(z.string(), z.string()).default({}),
});

export const configSchema = z.strictObject({
  listen: listenField.default('127.0.0.1:8080'),
  data_dir: z.string().min(1).default('./tokenwarden-data'),
  storage: z.literal('sqlite', {
    message: 'must be sqlite (other backends are not available in this version)',
  }).default('sqlite'),
  log_level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Largest request body accepted, in bytes. */
  max_body_bytes: z.number().int().min(1024).max(1 << 30).default(10 * 1024 * 1024),
  /**
   * Largest answer taken from a provider, in bytes (a whole body, or a
   * stream's events): past it the call is stopped, so a runaway or hostile
   * upstream cannot fill the gateway's memory.
   */
  max_answer_bytes: z.number().int().min(1024).max(2 ** 31 - 1).default(128 * 1024 * 1024),
  /** Proxies whose X-Forwarded-For is believed: true, or addresses and CIDRs. */
  trust_proxy: z.union([z.boolean(), z.array(z.string())]).default(false),
  providers: z.array(providerSchema).min(1),
  prices: z.array(priceOverrideSchema).default([]),
  budgets: z.array(budgetSchema).default([]),
  budget_settings: budgetSettingsSchema,
  limits: z.array(limitSchema).default([]),
  bans: bansSchema,
  alerts: alertsSchema,
  guardrails: guardrailsConfigSchema,
  ledger: ledgerConfigSchema,
}).superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.providers.forEach((provider, index) => {
    if (seen.has(provider.name)) {
      ctx.addIssue({
        code: 'custom', path: ['providers', index, 'name'], input: provider.name,
        message: 'must be unique among providers',
      });
    }
    seen.add(provider.name);
  });
});

export type Config = z.output<typeof configSchema>;
export type ProviderConfig = z.output<typeof providerSchema>;
export type PriceOverride = z.output<typeof priceOverrideSchema>;
