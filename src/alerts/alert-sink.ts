import { request } from 'undici';
import type { Logger } from '../observability/logger.js';
import type { Alert } from './alert.js';
import type { AlertsConfig } from './alert-config.js';

const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 500;
const MAX_IN_FLIGHT = 200;

/**
 * Writes each alert as one warn line and posts it to every webhook, with
 * retries, in the background: a slow receiver never delays a request.
 */
export class AlertSink {
  readonly #config: AlertsConfig;
  readonly #logger: Logger;
  #inFlight = 0;
  readonly #pending = new Set<Promise<void>>();

  constructor(config: AlertsConfig, logger: Logger) {
    this.#config = config;
    this.#logger = logger;
  }

  emit(alert: Alert): void {
    this.#logger.warn({ alert: alert.kind, subject: alert.subject, ...alert.details },
      alert.message);
    for (const webhook of this.#config.webhooks) {
      if (this.#inFlight >= MAX_IN_FLIGHT) {
        this.#logger.error({ host: new URL(webhook.url).host },
          'alert dropped: too many posts pending');
        continue;
      }
      const body = webhook.format === 'slack'
        ? { text: `:warning: tokenwarden ${alert.kind}: ${alert.message}` }
        : { ...alert, time: alert.time.toISOString() };
      this.#inFlight++;
      const post = this.#post(webhook.url, JSON.stringify(body)).finally(() => {
        this.#inFlight--;
        this.#pending.delete(post);
      });
      this.#pending.add(post);
    }
  }

  /** Waits for posts under way (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  async #post(url: string, body: string): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await request(url, {
          method: 'POST', body, headers: { 'content-type': 'application/json' },
          headersTimeout: 5_000, bodyTimeout: 5_000,
        });
        await response.body.dump();
        if (response.statusCode < 500 && response.statusCode !== 429) return;
      } catch {
        // retried below
      }
      if (attempt < ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, FIRST_BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
    // Webhook URLs often carry a secret (Slack's do): log the host only.
    this.#logger.error({ host: new URL(url).host }, 'alert not delivered to webhook');
  }
}
