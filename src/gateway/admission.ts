import type { AlertSink } from '../alerts/alert-sink.js';
import type { BanList } from '../bans/ban-list.js';
import type { BudgetSettings } from '../budgets/budget-config.js';
import type { BudgetTracker, Reservation } from '../budgets/budget-tracker.js';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { RateLimiter, LimitDecision } from '../limits/rate-limiter.js';
import type { Subject } from '../limits/scope.js';
import type { PriceBook } from '../pricing/price-book.js';
import type { Endpoint } from '../providers/api-kind.js';

/** What an admitted request holds until it settles. */
export interface AdmissionTicket {
  /** `x-ratelimit-*` headers for the response. */
  headers: Record<string, string>;
  /** Replaces the estimate by the real usage; call exactly once. */
  settle(tokens: number, usd: number): void;
}

export interface AdmissionRequest {
  subject: Subject;
  endpoint: Endpoint;
  provider: string;
  model: string;
  body: Record<string, unknown>;
  /** Length of the body as sent upstream, for the prompt estimate. */
  bodyLength: number;
}

const NO_TICKET: AdmissionTicket = { headers: {}, settle: () => undefined };

/**
 * The gate before a provider is called: banned addresses, rate limits and
 * budgets. The prompt is estimated at one token per three characters of the
 * body (an over-estimate for most text, computed in nanoseconds where a
 * tokenizer would take a fraction of a millisecond); the answer at
 * `max_tokens` or the configured default. Both settle to the real usage.
 */
export class Admission {
  readonly #bans: BanList;
  readonly #limiter: RateLimiter;
  readonly #budgets: BudgetTracker;
  readonly #alerts: AlertSink;
  readonly #prices: PriceBook;
  readonly #settings: BudgetSettings;

  constructor(options: {
    bans: BanList; limiter: RateLimiter; budgets: BudgetTracker; alerts: AlertSink;
    prices: PriceBook; settings: BudgetSettings;
  }) {
    this.#bans = options.bans;
    this.#limiter = options.limiter;
    this.#budgets = options.budgets;
    this.#alerts = options.alerts;
    this.#prices = options.prices;
    this.#settings = options.settings;
  }

  get budgets(): BudgetTracker {
    return this.#budgets;
  }

  /** @throws TokenwardenError `address_banned` for a banned address. */
  async checkAddress(address: string): Promise<void> {
    const ban = await this.#bans.banOf(address);
    if (!ban) return;
    const seconds = Math.max(1, Math.ceil((ban.until.getTime() - Date.now()) / 1000));
    throw new TokenwardenError('address_banned',
      `This address is banned until ${ban.until.toISOString()} after repeated authentication `
      + 'failures', { retryAfter: seconds, rule: 'bans' });
  }

  /** Counts a failed authentication; bans the address and alerts past the threshold. */
  async authenticationFailed(address: string): Promise<void> {
    const ban = await this.#bans.recordFailure(address);
    if (!ban) return;
    this.#alerts.emit({
      kind: 'ban', time: ban.bannedAt, subject: `ip:${ban.address}`,
      message: `${ban.address} banned until ${ban.until.toISOString()} (${ban.reason}, `
        + `offence ${ban.offences})`,
      details: { address: ban.address, until: ban.until.toISOString(), offences: ban.offences },
    });
  }

  /**
   * Applies rate limits, then reserves against budgets.
   *
   * @throws TokenwardenError `rate_limited` or `budget_exhausted` (429).
   */
  async admit(request: AdmissionRequest): Promise<AdmissionTicket> {
    if (this.#limiter.empty && this.#budgets.rules.length === 0) return NO_TICKET;
    const promptTokens = Math.ceil(request.bodyLength / 3);
    const answerTokens = request.endpoint.operation === 'embeddings'
      || request.endpoint.operation === 'count_tokens' ? 0 : this.#answerTokens(request.body);
    const tokens = promptTokens + answerTokens;

    const decision = this.#limiter.admit(request.subject, tokens);
    if (!decision.allowed) throw limited(decision);

    const price = this.#prices.priceFor(request.provider, request.model, promptTokens);
    const usd = price
      ? (promptTokens * price.input_mtok + answerTokens * price.output_mtok) / 1_000_000 : 0;
    let reservation: Reservation;
    try {
      reservation = await this.#budgets.reserve(request.subject, tokens, usd);
    } catch (error) {
      this.#limiter.settle(decision.tokenCharges, 0);
      throw error;
    }

    let settled = false;
    return {
      headers: decision.headers,
      settle: (actualTokens, actualUsd) => {
        if (settled) return;
        settled = true;
        this.#limiter.settle(decision.tokenCharges, actualTokens);
        this.#budgets.settle(reservation, actualTokens, actualUsd);
      },
    };
  }

  #answerTokens(body: Record<string, unknown>): number {
    for (const field of ['max_tokens', 'max_completion_tokens', 'max_output_tokens']) {
      const value = body[field];
      if (typeof value === 'number' && value > 0) return Math.ceil(value);
    }
    return this.#settings.answer_tokens;
  }
}

function limited(decision: LimitDecision): TokenwardenError {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new TokenwardenError('rate_limited',
    `Rate limit ${decision.rule} reached: retry in ${seconds} s`,
    { retryAfter: seconds, rule: decision.rule, headers: decision.headers });
}
