import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** pino level name; default `info`. */
  level?: string;
  /** Where lines go; default standard output, written asynchronously. */
  destination?: DestinationStream;
}

/**
 * Paths redacted in every log line. Keys and tokens are removed by the logger,
 * never by hand at each call site, so a new log line cannot leak one.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'apiKey',
  'api_key',
  'key',
  '*.apiKey',
  '*.api_key',
  '*.key',
  'adminToken',
];

/** Creates the process's one logger: JSON lines, numeric levels, redaction. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? pino.destination({ sync: false });
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'tokenwarden' },
    },
    destination,
  );
}
