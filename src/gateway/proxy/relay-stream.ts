import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from 'undici';
import { TokenwardenError, isTokenwardenError } from '../../errors/tokenwarden-error.js';
import type { Outcome } from '../../metering/request-record.js';
import { SseParser } from '../../metering/sse-parser.js';
import type { ApiKind } from '../../providers/api-kind.js';
import { toUpstreamError } from '../../providers/upstream-client.js';
import { errorEvent } from '../error-response.js';
import type { ModelExchange } from './model-exchange.js';

/**
 * Passes a provider's event stream to the client as each event completes,
 * metering on the way. The final event is held back until the record is
 * committed, so a client that saw the end of a stream can rely on its record;
 * if it cannot be stored (a full disk), the stream ends with an error event.
 * A stream the provider cuts off, or one that passes `max_answer_bytes`
 * (the call is then stopped), ends with an error event in the client's API
 * shape.
 */
export async function relayStream(exchange: ModelExchange, api: ApiKind, requestId: string,
  response: Dispatcher.ResponseData,
  reply: { hijack(): void; raw: ServerResponse; getHeaders(): Record<string, unknown> },
  log: FastifyBaseLogger): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(response.statusCode, {
    ...reply.getHeaders() as Record<string, string>,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-request-id': requestId,
  });
  res.flushHeaders();

  const meter = exchange.meter;
  const guard = exchange.guard;
  const parser = new SseParser();
  const decoder = new TextDecoder();
  let tail = '';
  let failure: unknown;
  let received = 0;
  let tooLarge = false;
  try {
    for await (const chunk of response.body) {
      exchange.markFirstByte();
      received += (chunk as Buffer).length;
      let out = '';
      for (const event of parser.push(decoder.decode(chunk as Buffer, { stream: true }))) {
        exchange.keepAnswer(event.raw);
        let text = meter.onEvent(event);
        if (guard) text = guard.guardEvent(event, text);
        if (meter.complete) tail += text;
        else out += text;
      }
      if (guard?.blocked) {
        exchange.abort.abort();
        break;
      }
      if (out !== '' && !res.destroyed && !res.write(out)) await drained(res);
      // Checked after the chunk is relayed and metered: the answer stops at
      // most one chunk (some 64 KB) past the limit, and what came is counted.
      if (received > exchange.answerLimit) {
        tooLarge = true;
        exchange.abort.abort();
        break;
      }
    }
  } catch (error) {
    failure = error;
  }

  const end = guard?.blocked
    ? { status: 403, outcome: 'blocked' as const, errorCode: 'guardrail_blocked' }
    : tooLarge
      ? { status: 502, outcome: 'cut_off' as const, errorCode: 'upstream_answer_too_large' }
      : settle(exchange, failure, meter.streamError !== undefined);
  try {
    await exchange.finish(end);
  } catch (error) {
    // No record, no end: the client gets the error instead of the last events.
    log.error({ err: error }, 'request record not stored: stream ended with an error');
    if (!res.destroyed) {
      res.end(errorEvent(api, isTokenwardenError(error) ? error
        : new TokenwardenError('storage_unavailable'), requestId));
    }
    return;
  }

  if (res.destroyed) return;
  if (end.outcome === 'blocked') {
    const rule = guard?.findings.find((finding) => finding.action === 'block')?.ruleId;
    res.end(errorEvent(api, new TokenwardenError('guardrail_blocked',
      `Answer blocked by policy rule ${rule}`), requestId));
    return;
  }
  if (end.outcome === 'cut_off') {
    const named = ['upstream_timeout', 'upstream_answer_too_large'] as const;
    const code = named.find((name) => name === end.errorCode) ?? 'upstream_stream_broken';
    res.write(errorEvent(api, new TokenwardenError(code), requestId));
  }
  res.end(tail);
}

function settle(exchange: ModelExchange, failure: unknown, errorEventSeen: boolean): {
  status: number; outcome: Outcome; errorCode: string | null;
} {
  if (exchange.abort.signal.aborted) return { status: 499, outcome: 'cancelled', errorCode: null };
  if (errorEventSeen) return { status: 502, outcome: 'error', errorCode: 'upstream_error' };
  if (failure === undefined && exchange.meter.complete) {
    return { status: 200, outcome: 'ok', errorCode: null };
  }
  const mapped = failure === undefined ? undefined : toUpstreamError(failure, 'upstream');
  const timedOut = isTokenwardenError(mapped) && mapped.code === 'upstream_timeout';
  return {
    status: timedOut ? 504 : 502, outcome: 'cut_off',
    errorCode: timedOut ? 'upstream_timeout' : 'upstream_stream_broken',
  };
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
