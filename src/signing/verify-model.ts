import { verify } from 'node:crypto';
import { z } from 'zod';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { compareResources, describeDiff, isSame } from './compare-resources.js';
import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding } from './dsse.js';
import { hashModel, relativeToModel } from './hash-model.js';
import {
  PREDICATE_TYPE, type Resource, STATEMENT_TYPE, subjectDigest,
} from './in-toto-statement.js';
import { readBundle, type SignatureBundle } from './signature-bundle.js';
import { hashForKey, keyHint, loadPublicKey } from './signing-keys.js';

/** Options of {@link verifyModel}. */
export interface VerifyModelOptions {
  publicKeyFile: string;
  signatureFile: string;
  /** Extra paths to leave out, relative to the working folder. */
  ignorePaths?: readonly string[];
}

/** The part of the statement verification relies on. */
const statementSchema = z.object({
  _type: z.literal(STATEMENT_TYPE),
  subject: z.array(z.object({
    name: z.string(),
    digest: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  })).length(1),
  predicateType: z.literal(PREDICATE_TYPE),
  predicate: z.object({
    serialization: z.object({
      method: z.literal('files'),
      hash_type: z.literal('sha256'),
      ignore_paths: z.array(z.string()).optional(),
    }),
    resources: z.array(z.object({
      name: z.string(),
      algorithm: z.literal('sha256'),
      digest: z.string().regex(/^[0-9a-f]{64}$/),
    })),
  }),
});

/**
 * Verifies a model against a key-mode signature bundle: the key hint, the
 * ECDSA signature over the DSSE encoding, the statement's own consistency,
 * then every file's digest. Returns the model name and file count.
 * @throws TokenwardenError `signature_invalid` when the bundle is malformed,
 * made with another key or not validly signed; `model_digest_mismatch`
 * naming the files changed, added, removed or renamed since signing.
 */
export async function verifyModel(
  modelPath: string,
  options: VerifyModelOptions,
): Promise<{ name: string; files: number }> {
  const bundle = readBundle(options.signatureFile);
  const payload = checkSignature(bundle, options);
  const statement = parseStatement(payload);
  const signed: Resource[] = statement.predicate.resources;

  const ignorePaths = [
    ...(statement.predicate.serialization.ignore_paths ?? []),
    ...relativeToModel(modelPath, [options.signatureFile, ...(options.ignorePaths ?? [])]),
  ];
  const now = await hashModel(modelPath, [...new Set(ignorePaths)]);
  const diff = compareResources(signed, now);
  if (!isSame(diff)) {
    throw new TokenwardenError('model_digest_mismatch',
      `Model does not match its signature: ${describeDiff(diff)}`);
  }
  return { name: statement.subject[0]?.name ?? '', files: now.length };
}

/** Checks key hint, payload type and signature; returns the signed payload. */
function checkSignature(bundle: SignatureBundle, options: VerifyModelOptions): Buffer {
  const key = loadPublicKey(options.publicKeyFile);
  const hint = bundle.verificationMaterial.publicKey.hint;
  if (hint && hint !== keyHint(key)) {
    throw new TokenwardenError('signature_invalid',
      `Signature ${options.signatureFile} was made with another key than ` +
      `${options.publicKeyFile}`);
  }

  const envelope = bundle.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new TokenwardenError('signature_invalid',
      `Signature payloadType must be ${IN_TOTO_PAYLOAD_TYPE}: got '${envelope.payloadType}'`);
  }

  const payload = Buffer.from(envelope.payload, 'base64');
  const signature = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');
  const encoded = preAuthEncoding(envelope.payloadType, payload);
  let valid = false;
  try {
    valid = verify(hashForKey(key), encoded, { key, dsaEncoding: 'der' }, signature);
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new TokenwardenError('signature_invalid',
      `Signature ${options.signatureFile} does not verify with ${options.publicKeyFile}`);
  }
  return payload;
}

/** Parses the statement and checks its subject digest covers its resources. */
function parseStatement(payload: Buffer) {
  let raw: unknown;
  try {
    raw = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new TokenwardenError('signature_invalid', 'Signed payload is not JSON', {
      cause: error,
    });
  }
  const parsed = statementSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TokenwardenError('signature_invalid',
      `Signed payload is not a model-signing v1.0 statement: ` +
      `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }

  const statement = parsed.data;
  const expected = statement.subject[0]?.digest.sha256;
  if (subjectDigest(statement.predicate.resources) !== expected) {
    throw new TokenwardenError('signature_invalid',
      'Signed statement is inconsistent: its resources do not hash to its subject digest');
  }
  return statement;
}
