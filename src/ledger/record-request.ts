import { commit } from './content/content-cipher.js';
import { poolRandomBytes } from '../random/random-pool.js';
import type { ContentBatch } from './content/content-batch.js';
import type { DataKey } from './content/data-keys.js';
import { encodeEntry, type RequestEntryBody } from './entry.js';
import type { LedgerRequest } from './ledger.js';
import type { AppendRecord } from './store/ledger-store.js';

/** The data-key subject of a request: its user, else its key, else anonymous. */
export function subjectOf(identity: LedgerRequest['identity']): string {
  if (identity.user) return `user:${identity.user}`;
  if (identity.keyId) return `key:${identity.keyId}`;
  return 'anonymous';
}

/** Fields of a request's content frame, after its two salts (prompt, answer). */
export const REQUEST_FIELDS = ['prompt', 'answer', 'answer_text'] as const;

function numberOr(value: number | undefined): number | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : value;
}

/**
 * Does the per-request work of an append outside the write transaction:
 * commitments and (through `contents`) encryption. Returns a function that
 * finishes the record once the sequencer has given it a seq. The answer's
 * provenance fingerprints are made later, in the background, from the
 * stored content (see index-answers.ts).
 */
export function prepareRequest(request: LedgerRequest, options: {
  key: DataKey; storeContent: boolean; contents: ContentBatch;
}): (seq: number) => AppendRecord {
  const salts = poolRandomBytes(64);
  const promptSalt = salts.subarray(0, 32);
  const answerSalt = salts.subarray(32);
  const content = options.contents.add(options.key, salts, options.storeContent
    ? [request.prompt, request.answer, request.answerText] : [undefined, undefined, undefined]);

  const { identity, usage } = request;
  const promptCommitment = commit(promptSalt, request.prompt);
  const answerCommitment = commit(answerSalt, request.answer);
  const kept = options.storeContent ? 'stored' : 'commitments_only';
  // Keys in sorted order, so canonicalJson need not re-sort them (see canonical-json.ts).
  const findings = request.findings.map((f) => ({ action: f.action, kind: f.kind,
    rule_id: f.ruleId }));
  const entryIdentity = { agent: identity.agent, department: identity.department,
    key_id: identity.keyId, user: identity.user };
  const entryUsage = usage && {
    cache_write_tokens: usage.cacheWriteTokens, cached_tokens: usage.cachedTokens,
    estimated: usage.estimated, input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens, reasoning_tokens: usage.reasoningTokens,
  };
  const body = (seq: number): RequestEntryBody => ({
    answer_commitment: answerCommitment, content: kept, cost_usd: numberOr(request.costUsd),
    endpoint: request.endpoint, error_code: request.errorCode, findings,
    identity: entryIdentity, model: request.model, outcome: request.outcome,
    prompt_commitment: promptCommitment, provider: request.provider,
    request_id: request.requestId, seq, status: request.status, time: request.time,
    type: 'request', usage: entryUsage, v: 1,
  });

  return (seq) => ({
    entry: {
      seq, requestId: request.requestId, type: 'request', time: request.time,
      user: identity.user, department: identity.department, agent: identity.agent,
      outcome: request.outcome, body: encodeEntry(body(seq)),
    },
    content,
  });
}
