import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import { TokenwardenError, isTokenwardenError } from '../../errors/tokenwarden-error.js';
import type { Endpoint } from '../../providers/api-kind.js';
import { toUpstreamError } from '../../providers/upstream-client.js';
import { authenticate } from '../authenticate.js';
import type { GatewayContext } from '../gateway-context.js';
import { parseModelRequest } from '../request-body.js';
import { createMeter, needsUsageRequest } from './create-meter.js';
import { ModelExchange } from './model-exchange.js';
import { relayStream } from './relay-stream.js';
import { AnswerGuard } from './answer-guard.js';
import { inspectInput } from './inspect-input.js';
import { AnswerTooLarge, readAnswer } from './read-answer.js';
import type { OutputFilter } from '../../guardrails/guardrails.js';

/**
 * Serves one model request: authenticate, route, call the provider, pass the
 * answer through while metering it, and record it before the client has the
 * whole answer (so a completed answer always has its record on disk).
 */
export async function forwardModelRequest(context: GatewayContext, endpoint: Endpoint,
  request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await context.admission.checkAddress(request.ip);
  const identity = await authenticate(context.storage.keys, request.headers)
    .catch(async (error: unknown) => {
      await context.admission.authenticationFailed(request.ip);
      throw error;
    });
  request.identity = identity;
  const inspected = inspectInput(context, endpoint, parseModelRequest(request.body), identity);
  const { body, provider } = inspected;

  const streamed = endpoint.streams && body.stream === true;
  const askUsage = provider.kind === 'openai'
    && needsUsageRequest(endpoint, streamed, body.stream_options?.include_usage);
  const upstreamBody = askUsage
    ? { ...body, stream_options: { ...body.stream_options, include_usage: true } }
    : body;

  const upstreamText = JSON.stringify(upstreamBody);
  const ticket = await context.admission.admit({
    subject: { ...identity, ip: request.ip }, endpoint, provider: provider.name,
    model: body.model, body, bodyLength: upstreamText.length,
  });
  reply.headers(ticket.headers);

  const policyIdentity = { keyId: identity.keyId, user: identity.user,
    department: identity.department, ...(identity.agent ? { agent: identity.agent } : {}) };
  const filterFor = () => context.guardrails.outputFilter(policyIdentity,
    inspected.canary === undefined ? {} : { canary: inspected.canary });
  const firstFilter = endpoint.metered && endpoint.operation !== 'embeddings'
    ? filterFor() : undefined;
  const guard = firstFilter
    ? new AnswerGuard(endpoint.path, firstFilter, () => filterFor() as OutputFilter)
    : undefined;
  const exchange = new ModelExchange(context, {
    id: request.id, identity, provider: provider.name, model: body.model, endpoint, streamed,
    upstreamBody, upstreamText, meter: createMeter(endpoint, askUsage), ticket,
    findings: inspected.findings, guard,
  });
  request.recorded = true;
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) exchange.abort.abort();
  });

  try {
    await exchangeWithProvider(context, endpoint, request, reply, exchange, provider.name,
      upstreamText);
  } catch (error) {
    // Whatever failed, the request reached the gateway's provider path: record it once.
    if (!exchange.finished) {
      await exchange.finish({ status: 500, outcome: 'error', errorCode: 'internal_error' })
        .catch(() => undefined);
    }
    throw error;
  }
}

async function exchangeWithProvider(context: GatewayContext, endpoint: Endpoint,
  request: FastifyRequest, reply: FastifyReply, exchange: ModelExchange, provider: string,
  upstreamText: string): Promise<void> {
  let response: Dispatcher.ResponseData;
  try {
    response = await context.upstream.send(provider, {
      path: endpoint.path, method: 'POST', body: upstreamText,
      clientHeaders: request.headers, signal: exchange.abort.signal,
    });
  } catch (error) {
    return failBeforeAnswer(exchange, reply, error);
  }

  const contentType = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 400) {
    return passError(exchange, reply, response, provider, contentType);
  }
  if (contentType.startsWith('text/event-stream')) {
    return relayStream(exchange, endpoint.api, request.id, response, reply, request.log);
  }
  return passBody(exchange, reply, response, contentType);
}

async function failBeforeAnswer(exchange: ModelExchange, reply: FastifyReply,
  error: unknown): Promise<void> {
  if (exchange.abort.signal.aborted) {
    await exchange.finish({ status: 499, outcome: 'cancelled', errorCode: null });
    return closeQuietly(reply);
  }
  const failure = isTokenwardenError(error) ? error : toUpstreamError(error, 'upstream');
  const code = isTokenwardenError(failure) ? failure.code : 'upstream_unreachable';
  await exchange.finish({
    status: isTokenwardenError(failure) ? failure.status : 502, outcome: 'error',
    errorCode: code, reachedModel: code === 'upstream_timeout',
  });
  throw failure;
}

async function passError(exchange: ModelExchange, reply: FastifyReply,
  response: Dispatcher.ResponseData, provider: string, contentType: string): Promise<void> {
  const text = await readAnswer(response, exchange.answerLimit).catch(() => '');
  exchange.keepAnswer(text);
  const status = response.statusCode;
  await exchange.finish({
    status, outcome: 'error', errorCode: status >= 500 ? 'upstream_error' : null,
  });

  // A provider's 4xx is about the request, so the client sees it as it is;
  // its 5xx is the gateway's problem to report (502) in the gateway's words.
  if (status >= 500) {
    throw new TokenwardenError('upstream_error',
      `Provider "${provider}" answered ${status}: ${providerMessage(text)}`);
  }
  const retryAfter = response.headers['retry-after'];
  if (typeof retryAfter === 'string') reply.header('retry-after', retryAfter);
  reply.status(status).header('content-type', contentType || 'application/json').send(text);
}

async function passBody(exchange: ModelExchange, reply: FastifyReply,
  response: Dispatcher.ResponseData, contentType: string): Promise<void> {
  let text: string;
  try {
    text = await readAnswer(response, exchange.answerLimit);
  } catch (error) {
    if (error instanceof AnswerTooLarge) return refuseLargeAnswer(exchange, error.bytes);
    return failBeforeAnswer(exchange, reply, error);
  }
  exchange.markFirstByte();
  exchange.keepAnswer(text);
  let answer = text;
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: passed through as it is, its usage estimated.
  }
  if (json) {
    exchange.meter.readBody(json);
    // Unless a text was redacted, the client gets the provider's own bytes.
    if (exchange.guard?.guardBody(json)) answer = JSON.stringify(json);
  }
  if (exchange.guard?.blocked) {
    const rule = exchange.guard.findings.find((finding) => finding.action === 'block')?.ruleId;
    await exchange.finish({ status: 403, outcome: 'blocked', errorCode: 'guardrail_blocked' });
    throw new TokenwardenError('guardrail_blocked', `Answer blocked by policy rule ${rule}`,
      { rule });
  }
  await exchange.finish({ status: response.statusCode, outcome: 'ok', errorCode: null });
  reply.status(response.statusCode).header('content-type', contentType || 'application/json')
    .send(answer);
}

/** Records an answer stopped at `max_answer_bytes`, then fails the request with 502. */
async function refuseLargeAnswer(exchange: ModelExchange, bytes: number): Promise<void> {
  const error = new TokenwardenError('upstream_answer_too_large',
    `The provider's answer passed max_answer_bytes (${exchange.answerLimit}); `
    + 'the call was stopped');
  await exchange.finish({ status: error.status, outcome: 'error', errorCode: error.code,
    unreadAnswerBytes: bytes });
  throw error;
}

function closeQuietly(reply: FastifyReply): void {
  if (reply.sent) return;
  reply.hijack();
  reply.raw.destroy();
}

/** The provider's own error message, short, for the gateway's 502. */
function providerMessage(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown };
    const message = json.error?.message ?? json.message;
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // fall through to the raw text
  }
  return text.slice(0, 300) || 'no message';
}
