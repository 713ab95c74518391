import type { FastifyRequest } from 'fastify';
import type { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { GatewayContext } from './gateway-context.js';
import { ledgerRejectionOf } from './ledger-request.js';
import type { Rejection } from './rejection.js';

/** Refusals kept in the rejections table: bad keys, bans, policies, limits, budgets. */
const REJECTION_STATUSES = new Set([401, 403, 429]);

/**
 * Records a request that ended in an error before any provider answered it:
 * a rejection row for refusals, and a ledger entry for every model request,
 * so the ledger holds blocked and failed requests too. Resolves once both
 * are written; a failure to write is logged, never thrown, since the caller
 * is already answering with an error.
 */
export async function recordRefusal(context: GatewayContext, request: FastifyRequest,
  failure: TokenwardenError): Promise<void> {
  if (request.method !== 'POST' || !request.url.startsWith('/v1/') || request.recorded) return;
  const rejection: Rejection = {
    requestId: request.id, time: new Date(), address: request.ip, identity: request.identity,
    code: failure.code, rule: failure.rule,
  };
  const writes: Promise<unknown>[] = [];
  if (REJECTION_STATUSES.has(failure.status)) {
    writes.push(context.storage.rejections.record(rejection));
  }
  writes.push(context.ledger.append(ledgerRejectionOf(rejection, {
    endpoint: request.url.split('?')[0] ?? request.url,
    status: failure.status,
    prompt: request.body === undefined ? '' : JSON.stringify(request.body),
    blocked: REJECTION_STATUSES.has(failure.status),
  })));
  const results = await Promise.allSettled(writes);
  for (const result of results) {
    if (result.status === 'rejected') {
      request.log.error({ err: result.reason }, 'refused request not recorded');
    }
  }
}
