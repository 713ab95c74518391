import { z } from 'zod';
import { scopeField } from './scope.js';

/** One rate limit: requests and/or tokens per minute for a scope. */
export const limitSchema = z.strictObject({
  scope: scopeField,
  rpm: z.number().int().positive().optional(),
  tpm: z.number().int().positive().optional(),
  /** Requests that may arrive at once; defaults to `rpm`. */
  burst_requests: z.number().int().positive().optional(),
  /** Tokens that may be spent at once; defaults to `tpm`. */
  burst_tokens: z.number().int().positive().optional(),
}).refine((limit) => limit.rpm !== undefined || limit.tpm !== undefined, {
  message: 'needs rpm, tpm or both',
});

export type LimitConfig = z.output<typeof limitSchema>;
