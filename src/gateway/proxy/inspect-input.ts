import type { ProviderConfig } from '../../config/schema.js';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { clearanceCovers } from '../../guardrails/classification/clearance-covers.js';
import type { ApiShape, Finding, RequestVerdict } from '../../guardrails/guardrails.js';
import type { Identity } from '../../identity/key-record.js';
import type { Endpoint } from '../../providers/api-kind.js';
import type { GatewayContext } from '../gateway-context.js';
import type { ModelRequestBody } from '../request-body.js';

const SHAPES: Record<string, ApiShape | undefined> = {
  '/v1/chat/completions': 'openai-chat',
  '/v1/completions': 'openai-completions',
  '/v1/responses': 'openai-responses',
  '/v1/embeddings': 'openai-embeddings',
  '/v1/messages': 'anthropic-messages',
  '/v1/messages/count_tokens': 'anthropic-messages',
};

/** The request after the input guardrails: possibly redacted, rerouted, or refused. */
export interface InspectedRequest {
  body: ModelRequestBody;
  provider: ProviderConfig;
  findings: Finding[];
  canary: string | undefined;
}

/**
 * Runs the input guardrails and applies their verdict: a blocking finding
 * refuses the request before any byte goes upstream; redactions replace the
 * body; a classification level the chosen provider is not cleared for sends
 * the request to a cleared provider (with the configured model) or refuses it.
 *
 * @throws TokenwardenError `guardrail_blocked` or `classification_not_cleared`
 *   (403), naming the rule and never the matched text.
 */
export function inspectInput(context: GatewayContext, endpoint: Endpoint,
  body: ModelRequestBody, identity: Identity): InspectedRequest {
  const provider = context.router.route(body.model, endpoint.api);
  const shape = SHAPES[endpoint.path];
  if (!shape) return { body, provider, findings: [], canary: undefined };

  const verdict = context.guardrails.inspectRequest({
    api: shape, body, identity: { keyId: identity.keyId, user: identity.user,
      department: identity.department, ...(identity.agent ? { agent: identity.agent } : {}) },
  });
  context.metrics.observeFindings(verdict.findings);
  if (verdict.action === 'block') {
    throw new TokenwardenError('guardrail_blocked',
      `Blocked by policy rule ${verdict.blockingRuleId}`, { rule: verdict.blockingRuleId });
  }
  const inspected = {
    body: verdict.body as ModelRequestBody, provider, findings: verdict.findings,
    canary: verdict.canary,
  };
  return routeByClearance(context, endpoint, verdict, inspected);
}

function routeByClearance(context: GatewayContext, endpoint: Endpoint, verdict: RequestVerdict,
  inspected: InspectedRequest): InspectedRequest {
  const { level, classification } = verdict;
  if (level === undefined || classification === undefined) return inspected;
  if (classification.action === 'flag' || classification.action === 'monitor') return inspected;

  const levels = context.config.guardrails.classification.levels;
  if (clearanceCovers(inspected.provider.clearance, level, levels)) return inspected;

  if (classification.action === 'route') {
    const model = classification.routeModel ?? inspected.body.model;
    const cleared = context.router.providers.find((provider) => provider.kind === endpoint.api
      && clearanceCovers(provider.clearance, level, levels)
      && context.router.serves(provider, model));
    if (cleared) {
      return { ...inspected, provider: cleared, body: { ...inspected.body, model } };
    }
  }
  throw new TokenwardenError('classification_not_cleared',
    `No provider is cleared for ${level} data (rule classification.${level})`,
    { rule: `classification.${level}` });
}
