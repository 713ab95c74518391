import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { durationField } from '../../config/duration.js';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { identityName } from '../../identity/identity-fields.js';
import { describeKey, issueKey } from '../../identity/issue-key.js';
import type { GatewayContext } from '../gateway-context.js';
import { presentedKey } from '../authenticate.js';
import { parseUsageQuery } from '../../metering/usage-query.js';
import { ledgerAdminRoutes } from '../../ledger/admin-routes.js';
import { registerAdminLimitsRoutes } from './admin-limits-routes.js';

const createKeyBody = z.strictObject({
  user: identityName,
  department: identityName,
  agent: identityName.optional(),
  expires: durationField.optional(),
});

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * Checks the admin token in constant time. With no token configured the
 * admin API is off rather than open.
 */
export function checkAdminToken(request: FastifyRequest, token: string | undefined): void {
  if (!token) throw new TokenwardenError('admin_disabled');
  const presented = presentedKey(request.headers);
  if (!presented || !timingSafeEqual(digest(presented), digest(token))) {
    throw new TokenwardenError('admin_token_missing');
  }
}

/** `/admin/...`: keys, usage, budgets and bans, behind `TOKENWARDEN_ADMIN_TOKEN`. */
export function registerAdminRoutes(app: FastifyInstance, context: GatewayContext,
  adminToken: string | undefined): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request) => checkAdminToken(request, adminToken));

    admin.post('/admin/keys', async (request, reply) => {
      const parsed = createKeyBody.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new TokenwardenError('invalid_request',
          `'${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}`);
      }
      const { record, key } = await issueKey(context.storage.keys, {
        user: parsed.data.user, department: parsed.data.department,
        agent: parsed.data.agent, expiresInMs: parsed.data.expires,
      });
      return reply.status(201).send({ ...describeKey(record), key });
    });

    admin.get('/admin/keys', async () => {
      const keys = await context.storage.keys.list();
      return { keys: keys.map((key) => describeKey(key)) };
    });

    admin.delete<{ Params: { id: string } }>('/admin/keys/:id', async (request) => {
      const key = await context.storage.keys.revoke(request.params.id, new Date());
      if (!key) throw new TokenwardenError('key_not_found', `No key has id ${request.params.id}`);
      return describeKey(key);
    });

    admin.get<{ Querystring: Record<string, string | undefined> }>('/admin/usage',
      async (request) => {
        const query = parseUsageQuery(request.query);
        return { by: query.by, rows: await context.storage.requests.summarize(query) };
      });

    registerAdminLimitsRoutes(admin, context);
    await admin.register(ledgerAdminRoutes, { ledger: context.ledger });
  });
}
