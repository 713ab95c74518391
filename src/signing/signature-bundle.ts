import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TokenwardenError } from '../errors/tokenwarden-error.js';

/** Sigstore bundle v0.3 media type, as the reference tool writes it. */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/**
 * A Sigstore bundle in key mode: the public key is named by its hint only,
 * with no certificate and no transparency-log entry.
 */
const bundleSchema = z.object({
  mediaType: z.string(),
  verificationMaterial: z.object({
    publicKey: z.object({ hint: z.string().optional() }),
    tlogEntries: z.array(z.unknown()).optional(),
  }),
  dsseEnvelope: z.object({
    payload: z.string(),
    payloadType: z.string(),
    signatures: z.array(z.object({ sig: z.string(), keyid: z.string().optional() })).min(1),
  }),
});

/** A parsed key-mode Sigstore bundle. */
export type SignatureBundle = z.infer<typeof bundleSchema>;

/** Builds the bundle around a signed payload. */
export function buildBundle(
  payload: Buffer,
  payloadType: string,
  signature: Buffer,
  hint: string,
): SignatureBundle {
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: signature.toString('base64'), keyid: '' }],
    },
  };
}

/**
 * Reads and checks the shape of a bundle file (not its signature).
 * @throws TokenwardenError `signature_invalid` when the file cannot be read,
 * is not JSON or is not a key-mode Sigstore bundle.
 */
export function readBundle(file: string): SignatureBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenwardenError('signature_invalid', `Cannot read signature ${file}: ${reason}`, {
      cause: error,
    });
  }

  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown shape';
    throw new TokenwardenError('signature_invalid',
      `Cannot read signature ${file}: not a Sigstore bundle (${where})`);
  }
  if (parsed.data.mediaType !== BUNDLE_MEDIA_TYPE) {
    throw new TokenwardenError('signature_invalid',
      `Cannot read signature ${file}: mediaType must be ${BUNDLE_MEDIA_TYPE}: ` +
      `got '${parsed.data.mediaType}'`);
  }
  return parsed.data;
}
