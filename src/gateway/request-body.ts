import { z } from 'zod';
import { TokenwardenError } from '../errors/tokenwarden-error.js';

/**
 * The fields of a model request the gateway itself relies on. Everything
 * else passes through untouched for the provider to judge.
 */
const modelRequestSchema = z.looseObject({
  model: z.string().min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

export type ModelRequestBody = z.output<typeof modelRequestSchema>;

/**
 * Checks a parsed JSON body.
 *
 * @throws TokenwardenError `invalid_request` naming the field and the value.
 */
export function parseModelRequest(body: unknown): ModelRequestBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TokenwardenError('invalid_request', 'The request body must be a JSON object');
  }
  const result = modelRequestSchema.safeParse(body);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  const given = (body as Record<string, unknown>)[String(issue?.path[0])];
  const got = given === undefined ? 'nothing' : JSON.stringify(given).slice(0, 80);
  const expected = field === 'model' ? 'a non-empty string'
    : field.startsWith('stream_options') ? 'an object' : 'a boolean';
  throw new TokenwardenError('invalid_request', `'${field}' must be ${expected}: got ${got}`);
}
