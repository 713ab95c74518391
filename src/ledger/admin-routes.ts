import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { showRequest } from './audit/show-request.js';
import type { Ledger } from './ledger.js';
import { attest, VERDICTS } from './oversight/attest.js';
import { pendingAttestations } from './oversight/pending.js';

/** Options of `ledgerAdminRoutes`. */
export interface LedgerAdminRoutesOptions {
  ledger: Ledger;
}

const attestationBody = z.strictObject({
  request_id: z.string().min(1),
  by: z.string().trim().min(1),
  verdict: z.enum(VERDICTS),
  note: z.string().optional(),
  edited_text: z.string().optional(),
});

const pendingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new TokenwardenError('invalid_request',
    `'${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}`);
}

/**
 * The ledger's admin API, mounted by the gateway behind the admin-token check:
 * `POST /admin/attestations` records a person's validation of an answer,
 * `GET /admin/audit/pending` lists answers waiting for attestations,
 * `GET /admin/audit/entries/:requestId` shows one request with its proof.
 * Errors are TokenwardenErrors, answered by the gateway's error handler.
 */
export const ledgerAdminRoutes: FastifyPluginAsync<LedgerAdminRoutesOptions> = async (
  app, { ledger },
) => {
  app.post('/admin/attestations', async (request, reply) => {
    const body = parse(attestationBody, request.body);
    const result = await attest(ledger, {
      requestId: body.request_id, by: body.by, verdict: body.verdict, note: body.note,
      editedText: body.edited_text,
    });
    return reply.code(201).send({
      index: result.index, request_id: result.requestId, target_index: result.targetIndex,
      oversight: result.oversight,
    });
  });

  app.get('/admin/audit/pending', async (request) => {
    const { limit } = parse(pendingQuery, request.query);
    return { pending: await pendingAttestations(ledger, limit) };
  });

  app.get<{ Params: { requestId: string } }>('/admin/audit/entries/:requestId',
    async (request) => showRequest(ledger, request.params.requestId));
  await Promise.resolve();
};
