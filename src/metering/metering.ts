import type { ImpactCalculator } from '../impact/impact-calculator.js';
import type { Identity } from '../identity/key-record.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import { computeCost } from '../pricing/cost.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { RequestStore } from '../storage/storage.js';
import type {
  Outcome, RecordedFinding, RequestRecord, TokenUsage,
} from './request-record.js';

/** What the gateway knows when a request that reached a provider is over. */
export interface FinishedRequest {
  id: string;
  time: Date;
  identity: Identity;
  provider: string;
  /** Model the client asked for. */
  model: string;
  /** Model the provider says answered, when it said. */
  responseModel: string | undefined;
  endpoint: string;
  operation: string;
  streamed: boolean;
  status: number;
  outcome: Outcome;
  errorCode: string | null;
  usage: TokenUsage;
  latencyMs: number;
  ttftMs: number | null;
  findings: RecordedFinding[];
}

/**
 * Turns a finished request into its priced record, stores it, and counts it
 * in the metrics once stored.
 */
export class Metering {
  readonly #requests: RequestStore;
  readonly #prices: PriceBook;
  readonly #impact: ImpactCalculator;
  readonly #metrics: GatewayMetrics;

  constructor(options: {
    requests: RequestStore;
    prices: PriceBook;
    impact: ImpactCalculator;
    metrics: GatewayMetrics;
  }) {
    this.#requests = options.requests;
    this.#prices = options.prices;
    this.#impact = options.impact;
    this.#metrics = options.metrics;
  }

  /**
   * Stores a priced record and counts it under its OpenTelemetry operation
   * name. Resolves once it is committed.
   *
   * @throws TokenwardenError `storage_unavailable` when it could not be stored.
   */
  async store(record: RequestRecord, operation: string): Promise<RequestRecord> {
    await this.#requests.record(record);
    this.#metrics.observeRequest(
      { operation, provider: record.provider, model: record.model },
      {
        inputTokens: record.usage.inputTokens,
        outputTokens: record.usage.outputTokens,
        seconds: record.latencyMs / 1000,
        ttftSeconds: record.ttftMs === null ? null : record.ttftMs / 1000,
        costUsd: record.costUsd,
        department: record.department,
        errorType: record.errorCode ?? (record.status >= 400 ? String(record.status) : null),
      },
    );
    return record;
  }

  /** The record with its cost and footprint, without storing it. */
  price(finished: FinishedRequest): RequestRecord {
    const { usage, provider } = finished;
    const priced = finished.responseModel ?? finished.model;
    const price = this.#prices.priceFor(provider, priced, usage.inputTokens)
      ?? this.#prices.priceFor(provider, finished.model, usage.inputTokens);
    const footprint = usage.outputTokens > 0
      ? this.#impact.footprint(provider, priced, usage.outputTokens, finished.latencyMs / 1000)
        ?? this.#impact.footprint(provider, finished.model, usage.outputTokens,
          finished.latencyMs / 1000)
      : null;

    return {
      id: finished.id,
      time: finished.time,
      keyId: finished.identity.keyId,
      user: finished.identity.user,
      department: finished.identity.department,
      agent: finished.identity.agent,
      provider,
      model: finished.model,
      endpoint: finished.endpoint,
      streamed: finished.streamed,
      status: finished.status,
      outcome: finished.outcome,
      errorCode: finished.errorCode,
      usage,
      latencyMs: finished.latencyMs,
      ttftMs: finished.ttftMs,
      costUsd: price ? computeCost(usage, price) : 0,
      price,
      footprint,
      findings: finished.findings,
    };
  }
}
