import { z } from 'zod';

/** Where alerts are posted besides the log. */
export const alertsSchema = z.strictObject({
  webhooks: z.array(z.strictObject({
    url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }),
    /** `json` posts the alert as it is; `slack` as an incoming-webhook message. */
    format: z.enum(['json', 'slack']).default('json'),
  })).default([]),
}).default({ webhooks: [] });

export type AlertsConfig = z.output<typeof alertsSchema>;
