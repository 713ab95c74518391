import { poolRandomHex } from '../random/random-pool.js';

/**
 * A new request id: `req_`, the time in milliseconds as 12 hex digits, then
 * 80 random bits as 20 hex digits. Ids made later sort later, so the tables
 * and indexes keyed by request id (metering rows, ledger entries, refusals)
 * grow at their end: a commit rewrites the last page of each instead of a
 * random one, and the pages a writer needs stay few however large the
 * table grows. The random part keeps ids unguessable and unique across
 * gateways that share a database.
 */
export function newRequestId(now = Date.now()): string {
  return `req_${now.toString(16).padStart(12, '0')}${poolRandomHex(10)}`;
}
