import { canonicalJson } from './canonical-json.js';

/** Version of the entry serialisation; bumped on any change of meaning. */
export const ENTRY_VERSION = 1;

/** Usage as the entry records it (OpenTelemetry meanings, snake_case). */
export interface EntryUsage {
  input_tokens: number;
  cached_tokens: number;
  cache_write_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  estimated: boolean;
}

/** The hashed fields of a request entry, `v: 1`. */
export interface RequestEntryBody {
  v: 1;
  type: 'request';
  seq: number;
  request_id: string;
  time: string;
  endpoint: string;
  identity: { key_id?: string; user?: string; department?: string; agent?: string };
  provider?: string;
  model?: string;
  status: number;
  outcome: 'ok' | 'error' | 'blocked' | 'cancelled' | 'cut_off';
  error_code?: string;
  usage?: EntryUsage;
  cost_usd?: number;
  findings: { rule_id: string; kind: string; action: string }[];
  /** Salted commitments (HMAC-SHA256, hex) to the prompt and answer bodies. */
  prompt_commitment: string;
  answer_commitment: string;
  /** Whether the texts were kept (encrypted) or only committed to. */
  content: 'stored' | 'commitments_only';
}

/** A human's validation of a request's answer (EU AI Act Art. 14), `v: 1`. */
export interface AttestationEntryBody {
  v: 1;
  type: 'attestation';
  seq: number;
  time: string;
  /** The attested request, and its entry: seq and leaf hash bind the two. */
  request_id: string;
  target_seq: number;
  target_leaf: string;
  by: string;
  verdict: 'approved' | 'rejected' | 'edited';
  note_commitment?: string;
  edited_commitment?: string;
}

/** Any entry of the ledger. */
export type EntryBody = RequestEntryBody | AttestationEntryBody;

/** The exact bytes hashed into the leaf: canonical JSON in UTF-8. */
export function encodeEntry(body: EntryBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

/**
 * Parses stored entry bytes.
 *
 * @throws SyntaxError when the bytes are not JSON, TypeError when they are
 *   not a version 1 entry.
 */
export function decodeEntry(bytes: Uint8Array): EntryBody {
  const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<EntryBody>;
  if (value.v !== ENTRY_VERSION || (value.type !== 'request' && value.type !== 'attestation')) {
    throw new TypeError('not a version 1 ledger entry');
  }
  return value as EntryBody;
}
