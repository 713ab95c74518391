/**
 * The one catalogue of error codes. Every error that reaches a user (an HTTP
 * caller or the command line) carries one of these codes; the README's error
 * table documents each one and a test keeps the two in step.
 */

/** How an error is classed, which picks the `type` in the caller's API shape. */
export type ErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'rate_limit'
  | 'upstream'
  | 'timeout'
  | 'internal';

export interface ErrorSpec {
  /** HTTP status when the error answers a request. */
  readonly status: number;
  readonly kind: ErrorKind;
  /** One-line meaning, used in docs and as the default message. */
  readonly summary: string;
}

export const ERROR_CODES = {
  invalid_json: {
    status: 400, kind: 'invalid_request', summary: 'The request body is not valid JSON.',
  },
  invalid_request: {
    status: 400, kind: 'invalid_request',
    summary: 'A field of the request is missing or has the wrong type.',
  },
  body_too_large: {
    status: 413, kind: 'invalid_request', summary: 'The request body is over the size limit.',
  },
  unsupported_media_type: {
    status: 415, kind: 'invalid_request', summary: 'The request body is not JSON.',
  },
  model_not_found: {
    status: 404, kind: 'not_found', summary: 'No configured provider serves the model asked for.',
  },
  model_wrong_api: {
    status: 400, kind: 'invalid_request',
    summary: 'The model is served by a provider that speaks the other API.',
  },
  route_not_found: {
    status: 404, kind: 'not_found', summary: 'No such endpoint.',
  },
  missing_api_key: {
    status: 401, kind: 'authentication', summary: 'The request carries no gateway key.',
  },
  invalid_api_key: {
    status: 401, kind: 'authentication', summary: 'The gateway key is not known.',
  },
  key_revoked: {
    status: 401, kind: 'authentication', summary: 'The gateway key was revoked.',
  },
  key_expired: {
    status: 401, kind: 'authentication', summary: 'The gateway key has expired.',
  },
  admin_token_missing: {
    status: 401, kind: 'authentication',
    summary: 'An admin endpoint was called without the admin token.',
  },
  admin_disabled: {
    status: 403, kind: 'permission',
    summary: 'The admin API is off because TOKENWARDEN_ADMIN_TOKEN is not set.',
  },
  upstream_error: {
    status: 502, kind: 'upstream', summary: 'The provider answered with a server error.',
  },
  upstream_unreachable: {
    status: 502, kind: 'upstream', summary: 'The provider could not be reached.',
  },
  upstream_timeout: {
    status: 504, kind: 'timeout', summary: 'The provider did not answer in time.',
  },
  upstream_stream_broken: {
    status: 502, kind: 'upstream', summary: 'The provider cut the answer stream off.',
  },
  upstream_answer_too_large: {
    status: 502, kind: 'upstream',
    summary: 'The provider sent more than max_answer_bytes; the call was stopped.',
  },
  storage_unavailable: {
    status: 503, kind: 'internal',
    summary: 'The gateway could not write its record, so it did not answer.',
  },
  internal_error: {
    status: 500, kind: 'internal', summary: 'An unexpected error inside the gateway.',
  },
  config_invalid: {
    status: 500, kind: 'internal', summary: 'The configuration file has a wrong field.',
  },
  config_unreadable: {
    status: 500, kind: 'internal', summary: 'The configuration file cannot be read or parsed.',
  },
  usage_error: {
    status: 400, kind: 'invalid_request', summary: 'A command-line argument is wrong.',
  },
  rate_limited: {
    status: 429, kind: 'rate_limit', summary: 'A requests or tokens per minute limit is reached.',
  },
  budget_exhausted: {
    status: 429, kind: 'rate_limit', summary: 'A hard budget for the period is spent.',
  },
  address_banned: {
    status: 403, kind: 'permission',
    summary: 'The client address is banned after repeated authentication failures.',
  },
  ban_not_found: {
    status: 404, kind: 'not_found', summary: 'No active ban for that address.',
  },
  budget_not_found: {
    status: 404, kind: 'not_found', summary: 'No stored budget has that id.',
  },
  key_not_found: {
    status: 404, kind: 'not_found', summary: 'No key has that id.',
  },
  scan_path_not_found: {
    status: 400, kind: 'invalid_request', summary: 'A path given to scan does not exist.',
  },
  scan_git_failed: {
    status: 500, kind: 'internal', summary: 'Git could not be run or failed while reading history.',
  },
  baseline_invalid: {
    status: 400, kind: 'invalid_request',
    summary: 'The baseline file cannot be read or is not a tokenwarden baseline.',
  },
  model_path_not_found: {
    status: 400, kind: 'invalid_request', summary: 'The model file or folder does not exist.',
  },
  signing_key_invalid: {
    status: 400, kind: 'invalid_request',
    summary: 'The key file cannot be read or is not an ECDSA P-256, P-384 or P-521 PEM key.',
  },
  signature_invalid: {
    status: 400, kind: 'invalid_request',
    summary: 'The signature bundle is malformed or its signature does not verify.',
  },
  model_digest_mismatch: {
    status: 400, kind: 'invalid_request',
    summary: 'A model file was changed, added, removed or renamed since signing.',
  },
  ledger_entry_not_found: {
    status: 404, kind: 'not_found', summary: 'The ledger has no entry for that request id.',
  },
  ledger_key_invalid: {
    status: 500, kind: 'internal',
    summary: 'A ledger key file (master, signing or verifier key) is malformed.',
  },
  ledger_inconsistent: {
    status: 500, kind: 'internal',
    summary: 'The ledger does not extend its last signed checkpoint; nothing was signed.',
  },
  ledger_closed: {
    status: 503, kind: 'internal', summary: 'The ledger was closed and takes no more entries.',
  },
  ledger_bundle_invalid: {
    status: 400, kind: 'invalid_request',
    summary: 'An audit bundle or checkpoint file is malformed.',
  },
  attestation_invalid: {
    status: 400, kind: 'invalid_request',
    summary: 'An attestation names no person, a wrong verdict or a request without an answer.',
  },
  guardrail_blocked: {
    status: 403, kind: 'permission',
    summary: 'A guardrail policy blocked the request or its answer.',
  },
  classification_not_cleared: {
    status: 403, kind: 'permission',
    summary: 'No provider or key is cleared for the classification level of the request.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
