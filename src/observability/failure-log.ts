import type { Logger } from './logger.js';

/** Repeats of a failure logged at most this often while it goes on. */
const REPEAT_EVERY_MS = 60_000;

/**
 * Logs a failure that repeats (a full disk fails every commit, and the WAL
 * copy every second) without flooding the log: the first failure in full,
 * then one line a minute with how many happened, and one line when the
 * thing works again.
 */
export class FailureLog {
  readonly #logger: Logger | undefined;
  readonly #message: string;
  #failures = 0;
  #lastLogged = 0;

  /** @param message what failed, e.g. "ledger batch not written" */
  constructor(logger: Logger | undefined, message: string) {
    this.#logger = logger;
    this.#message = message;
  }

  /** Records one failure; logs it if it is the first or a minute has passed. */
  failed(details: Record<string, unknown>, now = Date.now()): void {
    this.#failures += 1;
    if (this.#failures > 1 && now - this.#lastLogged < REPEAT_EVERY_MS) return;
    this.#lastLogged = now;
    this.#logger?.error({ ...details, failures: this.#failures }, this.#message);
  }

  /** Records a success; logs the end of a run of failures. */
  succeeded(): void {
    if (this.#failures === 0) return;
    this.#logger?.warn({ failures: this.#failures }, `${this.#message}: works again`);
    this.#failures = 0;
  }
}
