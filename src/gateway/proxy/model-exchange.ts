import type { AnswerMeter } from '../../metering/answer-meter.js';
import type { FinishedRequest } from '../../metering/metering.js';
import type { Outcome, RequestRecord } from '../../metering/request-record.js';
import { emptyUsage } from '../../metering/request-record.js';
import { estimateUsage } from '../../metering/token-estimate.js';
import type { Identity } from '../../identity/key-record.js';
import type { Endpoint } from '../../providers/api-kind.js';
import type { Finding } from '../../guardrails/guardrails.js';
import type { AdmissionTicket } from '../admission.js';
import type { AnswerGuard } from './answer-guard.js';
import { ledgerRequestOf } from '../ledger-request.js';
import type { GatewayContext } from '../gateway-context.js';

export interface ExchangeStart {
  id: string;
  identity: Identity;
  provider: string;
  model: string;
  endpoint: Endpoint;
  streamed: boolean;
  /** The body as sent upstream. */
  upstreamBody: unknown;
  /** The same body as JSON text, as the ledger keeps it. */
  upstreamText: string;
  meter: AnswerMeter;
  /** Budget and limit reservations to settle with the real usage. */
  ticket: AdmissionTicket;
  /** Findings of the input guardrails. */
  findings: Finding[];
  /** Output guardrails, when on for this identity. */
  guard: AnswerGuard | undefined;
}

export interface ExchangeEnd {
  status: number;
  outcome: Outcome;
  errorCode: string | null;
  /** False when nothing reached the provider's model (connection refused). */
  reachedModel?: boolean;
  /**
   * Bytes of a whole answer that was not read to its end (over
   * `max_answer_bytes`): its usage, at the end, was never seen, so its
   * output is estimated at a quarter of them, the usual bytes per token.
   */
  unreadAnswerBytes?: number;
}

/** Bytes per token, for an answer too large to read and count. */
const BYTES_PER_TOKEN = 4;

/**
 * One request's trip to a provider: when it started, what the meter read,
 * and the one place where it is finished and recorded.
 */
export class ModelExchange {
  readonly started = performance.now();
  readonly time = new Date();
  readonly abort = new AbortController();
  ttftMs: number | null = null;
  readonly #context: GatewayContext;
  readonly #start: ExchangeStart;
  /** The answer as the provider gave it, for the ledger. */
  readonly #answer: string[] = [];
  #finished: Promise<RequestRecord> | undefined;

  constructor(context: GatewayContext, start: ExchangeStart) {
    this.#context = context;
    this.#start = start;
  }

  get meter(): AnswerMeter {
    return this.#start.meter;
  }

  get guard(): AnswerGuard | undefined {
    return this.#start.guard;
  }

  /** Most bytes taken from the provider for this answer (`max_answer_bytes`). */
  get answerLimit(): number {
    return this.#context.config.max_answer_bytes;
  }

  /** Keeps part of the provider's answer for the ledger. */
  keepAnswer(text: string): void {
    this.#answer.push(text);
  }

  /** Notes the first byte of the answer body. */
  markFirstByte(): void {
    this.ttftMs ??= performance.now() - this.started;
  }

  /**
   * Settles usage (the provider's, else estimated), then prices and stores
   * the record. Resolves once it is committed.
   */
  finish(end: ExchangeEnd): Promise<RequestRecord> {
    this.#finished ??= this.#finish(end);
    return this.#finished;
  }

  /** True once `finish` was called: a request is recorded once. */
  get finished(): boolean {
    return this.#finished !== undefined;
  }

  async #finish(end: ExchangeEnd): Promise<RequestRecord> {
    const latencyMs = performance.now() - this.started;
    const { meter, endpoint } = this.#start;
    let usage = meter.usage ?? emptyUsage('provider');
    const answered = end.outcome !== 'error' || meter.text !== '';
    if (end.reachedModel === false) {
      usage = emptyUsage('estimated');
    } else if (end.unreadAnswerBytes !== undefined) {
      const counted = await estimateUsage({
        reported: meter.usage, requestBody: this.#start.upstreamBody, answerText: '',
      });
      usage = { ...counted, outputTokens: Math.ceil(end.unreadAnswerBytes / BYTES_PER_TOKEN) };
    } else if (endpoint.metered && answered && (!meter.usage || !meter.complete)) {
      // Cut off, cancelled, or a provider that reports no usage: count.
      usage = await estimateUsage({
        reported: meter.usage, requestBody: this.#start.upstreamBody, answerText: meter.text,
      });
    }

    const finished: FinishedRequest = {
      id: this.#start.id,
      time: this.time,
      identity: this.#start.identity,
      provider: this.#start.provider,
      model: this.#start.model,
      responseModel: meter.model,
      endpoint: endpoint.path,
      operation: endpoint.operation,
      streamed: this.#start.streamed,
      status: end.status,
      outcome: end.outcome,
      errorCode: end.errorCode,
      usage: endpoint.metered ? usage : emptyUsage('provider'),
      latencyMs,
      ttftMs: this.ttftMs,
      findings: [...this.#start.findings, ...this.#start.guard?.findings ?? []],
    };
    const record = this.#context.metering.price(finished);
    if (this.#start.guard) this.#context.metrics.observeFindings(this.#start.guard.findings);
    this.#start.ticket.settle(record.usage.inputTokens + record.usage.outputTokens,
      record.costUsd);
    // Both writes are group-committed; the answer's last bytes wait for both.
    await Promise.all([
      this.#context.metering.store(record, finished.operation),
      this.#context.ledger.append(ledgerRequestOf(record, {
        prompt: this.#start.upstreamText, answer: this.#answer.join(''),
        answerText: meter.text,
      })),
    ]);
    return record;
  }
}
