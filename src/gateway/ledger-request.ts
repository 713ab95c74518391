import type { Rejection } from './rejection.js';
import type { LedgerRequest } from '../ledger/ledger.js';
import type { RequestRecord } from '../metering/request-record.js';

/** The ledger entry of a request that reached a provider. */
export function ledgerRequestOf(record: RequestRecord, content: {
  prompt: string; answer: string; answerText: string;
}): LedgerRequest {
  return {
    requestId: record.id,
    time: record.time.toISOString(),
    endpoint: record.endpoint,
    identity: {
      keyId: record.keyId, user: record.user, department: record.department,
      ...(record.agent ? { agent: record.agent } : {}),
    },
    provider: record.provider,
    model: record.model,
    status: record.status,
    outcome: record.outcome,
    ...(record.errorCode ? { errorCode: record.errorCode } : {}),
    usage: {
      inputTokens: record.usage.inputTokens, cachedTokens: record.usage.cachedTokens,
      cacheWriteTokens: record.usage.cacheWriteTokens, outputTokens: record.usage.outputTokens,
      reasoningTokens: record.usage.reasoningTokens,
      estimated: record.usage.source === 'estimated',
    },
    costUsd: record.costUsd,
    findings: record.findings.map((finding) => ({
      ruleId: finding.ruleId, kind: finding.kind, action: finding.action,
    })),
    ...content,
  };
}

/**
 * The ledger entry of a request the gateway refused or failed before any
 * provider answered: who, which endpoint, the code and rule, and a
 * commitment to the body it was sent (never forwarded).
 */
export function ledgerRejectionOf(rejection: Rejection, details: {
  endpoint: string; status: number; prompt: string; blocked: boolean;
}): LedgerRequest {
  const identity = rejection.identity;
  return {
    requestId: rejection.requestId,
    time: rejection.time.toISOString(),
    endpoint: details.endpoint,
    identity: identity ? {
      keyId: identity.keyId, user: identity.user, department: identity.department,
      ...(identity.agent ? { agent: identity.agent } : {}),
    } : {},
    status: details.status,
    outcome: details.blocked ? 'blocked' : 'error',
    errorCode: rejection.code,
    findings: rejection.rule
      ? [{ ruleId: rejection.rule, kind: 'admission', action: 'block' }] : [],
    prompt: details.prompt,
    answer: '',
    answerText: '',
  };
}
