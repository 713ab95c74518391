import type { FastifyInstance } from 'fastify';
import { budgetSchema } from '../../budgets/budget-config.js';
import { createBudget } from '../../budgets/create-budget.js';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { formatScope } from '../../limits/scope.js';
import type { GatewayContext } from '../gateway-context.js';

/**
 * `/admin/budgets`, `/admin/bans` and `/admin/rejections`. Registered inside
 * the admin scope, behind its token check.
 */
export function registerAdminLimitsRoutes(admin: FastifyInstance, context: GatewayContext): void {
  const { budgets } = context.admission;

  admin.get('/admin/budgets', async () => ({ budgets: await budgets.status() }));

  admin.post('/admin/budgets', async (request, reply) => {
    const parsed = budgetSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TokenwardenError('invalid_request',
        `'${issue?.path.join('.') || 'body'}' ${issue?.message ?? 'is invalid'}`);
    }
    const stored = await createBudget(context.storage.budgets, parsed.data);
    await budgets.refresh();
    return reply.status(201).send({ ...stored, scope: formatScope(stored.scope) });
  });

  admin.delete<{ Params: { id: string } }>('/admin/budgets/:id', async (request) => {
    if (!await context.storage.budgets.deleteBudget(request.params.id)) {
      throw new TokenwardenError('budget_not_found',
        `No stored budget has id ${request.params.id}`);
    }
    await budgets.refresh();
    return { id: request.params.id, deleted: true };
  });

  admin.get('/admin/bans', async () => {
    const now = new Date();
    const bans = await context.storage.bans.list();
    return { bans: bans.map((ban) => ({
      address: ban.address, active: ban.until > now, until: ban.until.toISOString(),
      offences: ban.offences, reason: ban.reason, banned_at: ban.bannedAt.toISOString(),
    })) };
  });

  admin.delete<{ Params: { address: string } }>('/admin/bans/:address', async (request) => {
    if (!await context.storage.bans.lift(request.params.address, new Date())) {
      throw new TokenwardenError('ban_not_found',
        `No active ban for ${request.params.address}`);
    }
    return { address: request.params.address, lifted: true };
  });

  admin.get<{ Querystring: { limit?: string } }>('/admin/rejections', async (request) => {
    const limit = Math.min(Math.max(Number(request.query.limit ?? 100) || 100, 1), 10_000);
    return { rejections: await context.storage.rejections.recent(limit) };
  });
}
