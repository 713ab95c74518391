import type { ErrorKind } from '../errors/codes.js';
import { TokenwardenError, isTokenwardenError } from '../errors/tokenwarden-error.js';
import type { ApiKind } from '../providers/api-kind.js';

const OPENAI_TYPES: Record<ErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'invalid_request_error',
  rate_limit: 'rate_limit_error',
  upstream: 'api_error',
  timeout: 'timeout_error',
  internal: 'server_error',
};

const ANTHROPIC_TYPES: Record<ErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  rate_limit: 'rate_limit_error',
  upstream: 'api_error',
  timeout: 'timeout_error',
  internal: 'api_error',
};

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  validation?: unknown;
  message: string;
}

/**
 * Turns anything thrown while serving a request into a TokenwardenError,
 * recognising fastify's body-parsing failures.
 */
export function toTokenwardenError(error: unknown): TokenwardenError {
  if (isTokenwardenError(error)) return error;
  const fastify = error as FastifyLikeError;
  switch (fastify.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new TokenwardenError('body_too_large', undefined, { cause: error });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new TokenwardenError('unsupported_media_type', undefined, { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new TokenwardenError('invalid_json', undefined, { cause: error });
  }
  if (error instanceof SyntaxError && fastify.statusCode === 400) {
    return new TokenwardenError('invalid_json', `The request body is not valid JSON: ${
      fastify.message}`, { cause: error });
  }
  if (fastify.validation) {
    return new TokenwardenError('invalid_request', fastify.message, { cause: error });
  }
  return new TokenwardenError('internal_error', undefined, { cause: error });
}

/** The JSON error body in the caller's own API shape. */
export function errorBody(api: ApiKind, error: TokenwardenError, requestId: string): object {
  if (api === 'anthropic') {
    const type = error.code === 'body_too_large'
      ? 'request_too_large' : ANTHROPIC_TYPES[error.kind];
    return {
      type: 'error',
      error: { type, message: error.message, code: error.code },
      request_id: requestId,
    };
  }
  return {
    error: {
      message: error.message, type: OPENAI_TYPES[error.kind], param: null, code: error.code,
    },
  };
}

/** The same error as one server-sent event, for a stream already under way. */
export function errorEvent(api: ApiKind, error: TokenwardenError, requestId: string): string {
  const body = JSON.stringify(errorBody(api, error, requestId));
  return api === 'anthropic' ? `event: error\ndata: ${body}\n\n` : `data: ${body}\n\n`;
}
