/** The DSSE payload type of an in-toto statement in JSON. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/**
 * DSSE pre-authentication encoding (DSSE protocol v1):
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in bytes,
 * in decimal. The signature covers these bytes, never the bare payload.
 */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const header = `DSSEv1 ${type.length} ${payloadType} ${payload.length} `;
  return Buffer.concat([Buffer.from(header, 'utf8'), payload]);
}
