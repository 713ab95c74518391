import { createHash } from 'node:crypto';

/** The in-toto Statement v1 type. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** The OpenSSF model-signing v1.0 predicate type. */
export const PREDICATE_TYPE = 'https://model_signing/signature/v1.0';

/** One signed file: its relative name and SHA-256 digest (hex). */
export interface Resource {
  name: string;
  algorithm: 'sha256';
  digest: string;
}

/** How the model was turned into resources; verifiers redo the same. */
export interface Serialization {
  method: 'files';
  hash_type: 'sha256';
  allow_symlinks: false;
  ignore_paths: string[];
}

/** The statement that the DSSE envelope signs. */
export interface ModelStatement {
  _type: typeof STATEMENT_TYPE;
  subject: [{ name: string; digest: { sha256: string } }];
  predicateType: typeof PREDICATE_TYPE;
  predicate: { serialization: Serialization; resources: Resource[] };
}

/**
 * The subject digest: SHA-256 over the raw bytes of each resource digest
 * in the order listed, so it stands for the whole model in one value.
 */
export function subjectDigest(resources: readonly Resource[]): string {
  const hash = createHash('sha256');
  for (const resource of resources) hash.update(Buffer.from(resource.digest, 'hex'));
  return hash.digest('hex');
}

/** Builds the statement for a model from its ordered resources. */
export function buildStatement(
  name: string,
  resources: Resource[],
  ignorePaths: string[],
): ModelStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name, digest: { sha256: subjectDigest(resources) } }],
    predicateType: PREDICATE_TYPE,
    predicate: {
      serialization: {
        method: 'files',
        hash_type: 'sha256',
        allow_symlinks: false,
        ignore_paths: ignorePaths,
      },
      resources,
    },
  };
}
