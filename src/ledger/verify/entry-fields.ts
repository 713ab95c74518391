import { decodeEntry } from '../entry.js';

const SEQ_KEY = Buffer.from('"seq":');
/** Bytes at the end of an entry that hold its `seq` in practice. */
const SEQ_TAIL = 320;

/**
 * The `seq` an entry claims, read without parsing the whole entry: in
 * canonical JSON `"seq":` can only be the top-level key (a quote inside a
 * string is escaped), and the leaf hash covers the rest. Searched first
 * near the end, where it sits (only a few short fields sort after it).
 * Undefined when absent; callers then parse the entry to say what is wrong.
 */
export function claimedSeq(body: Buffer): number | undefined {
  let at = body.indexOf(SEQ_KEY, Math.max(0, body.length - SEQ_TAIL));
  if (at < 0) at = body.indexOf(SEQ_KEY);
  if (at < 1 || (body[at - 1] !== 0x2c && body[at - 1] !== 0x7b)) return undefined;
  let value = 0;
  let i = at + SEQ_KEY.length;
  for (; i < body.length; i += 1) {
    const digit = (body[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return i === at + SEQ_KEY.length ? undefined : value;
}

/** The request id of an entry, for problem reports; undefined when unreadable. */
export function requestIdOf(body: Buffer): string | undefined {
  try {
    return decodeEntry(body).request_id;
  } catch {
    return undefined;
  }
}
