/** A value that canonical JSON can hold. */
export type JsonValue =
  | null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Serialises `value` as canonical JSON: object keys sorted by UTF-16 code
 * units, no white space, `undefined` members left out, numbers as
 * JSON.stringify writes them (shortest round-trip form, as RFC 8785 does).
 * The same value always gives the same bytes, which is what a leaf hash needs.
 *
 * @throws TypeError for a non-finite number or a value JSON cannot hold.
 */
export function canonicalJson(value: unknown): string {
  // JSON.stringify keeps insertion order, so sorted keys are all it needs. The
  // entry builders insert keys in order, so the common case only checks.
  return JSON.stringify(inOrder(value) ? value : sorted(value));
}

/** True when every object's keys are sorted; throws on values JSON cannot hold. */
function inOrder(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'string'
    || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return true;
  }
  if (Array.isArray(value)) return value.every(inOrder);
  if (typeof value !== 'object') throw new TypeError(`cannot serialise a ${typeof value}`);

  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && previous >= key) return false;
    if (!inOrder((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

function sorted(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object') throw new TypeError(`cannot serialise a ${typeof value}`);

  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let inOrder = true;
  for (let i = 1; i < keys.length; i += 1) {
    if ((keys[i - 1] as string) >= (keys[i] as string)) inOrder = false;
  }
  if (!inOrder) keys.sort();

  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const member = record[key];
    if (member !== undefined) out[key] = sorted(member);
  }
  return out;
}
