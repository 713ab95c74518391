import { ERROR_CODES, type ErrorCode, type ErrorKind } from './codes.js';

export interface TokenwardenErrorOptions {
  cause?: unknown;
  /** Overrides the catalogue's status, e.g. to pass a provider's 4xx through. */
  status?: number;
  /** Seconds, sent as `retry-after` when the error answers a request. */
  retryAfter?: number;
  /** The limit, budget or policy rule that refused the request. */
  rule?: string;
  /** Headers to send with the error (e.g. `x-ratelimit-*`). */
  headers?: Record<string, string>;
}

/**
 * An error with a stable code from the catalogue in `codes.ts`. Thrown
 * anywhere; turned into an HTTP answer in one place (the gateway's error
 * handler) and into one line on the terminal by the CLI.
 */
export class TokenwardenError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly kind: ErrorKind;
  readonly retryAfter: number | undefined;
  readonly rule: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, options: TokenwardenErrorOptions = {}) {
    const spec = ERROR_CODES[code];
    super(message ?? spec.summary, { cause: options.cause });
    this.name = 'TokenwardenError';
    this.code = code;
    this.status = options.status ?? spec.status;
    this.kind = spec.kind;
    this.retryAfter = options.retryAfter;
    this.rule = options.rule;
    this.headers = options.headers;
  }
}

/** True when `value` is a TokenwardenError, also across module copies. */
export function isTokenwardenError(value: unknown): value is TokenwardenError {
  return value instanceof TokenwardenError;
}
