/** Bytes of the two salts at the start of every content frame. */
export const SALTS_BYTES = 64;

const ABSENT = 0xffffffff;

/**
 * Most bytes the frame of these fields can take: a UTF-16 code unit never
 * needs more than 3 bytes of UTF-8. Cheaper than measuring each string
 * exactly, which would read every field twice.
 */
export function frameBound(fields: readonly (string | undefined)[]): number {
  let length = SALTS_BYTES;
  for (const field of fields) length += 4 + (field === undefined ? 0 : field.length * 3);
  return length;
}

/**
 * Writes one entry's secret content at `offset`: its two salts, then each
 * field as a little-endian u32 byte length and UTF-8 bytes (0xFFFFFFFF for
 * an absent field). A binary frame, because JSON-escaping a prompt that is
 * itself JSON costs more than encrypting it. Returns the end offset.
 */
export function encodeFrame(target: Buffer, offset: number, salts: Buffer,
  fields: readonly (string | undefined)[]): number {
  let at = offset + salts.copy(target, offset, 0, SALTS_BYTES);
  for (const field of fields) {
    if (field === undefined) {
      at = target.writeUInt32LE(ABSENT, at);
      continue;
    }
    const written = target.write(field, at + 4, 'utf8');
    target.writeUInt32LE(written, at);
    at += 4 + written;
  }
  return at;
}

/** Reads a frame written by `encodeFrame`: the salts and `count` fields. */
export function decodeFrame(frame: Buffer, count: number)
  : { salts: [Buffer, Buffer]; fields: (string | undefined)[] } {
  const salts: [Buffer, Buffer] = [frame.subarray(0, 32), frame.subarray(32, SALTS_BYTES)];
  const fields: (string | undefined)[] = [];
  let at = SALTS_BYTES;
  for (let i = 0; i < count; i += 1) {
    const length = frame.readUInt32LE(at);
    at += 4;
    if (length === ABSENT) {
      fields.push(undefined);
      continue;
    }
    fields.push(frame.toString('utf8', at, at + length));
    at += length;
  }
  return { salts, fields };
}
