/**
 * SQLite result codes that say the file could not take a write now (a full
 * disk, an I/O error, a lock held too long, a file made read-only) rather
 * than that the write itself is wrong (a constraint): the same write may go
 * through later, so it is worth keeping.
 */
const RETRYABLE = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|PROTOCOL)/;

/** True when `error` is a SQLite failure that the same write may get past later. */
export function isRetryableWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.test(code);
}
