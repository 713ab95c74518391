import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';
import { isWellKnownPassword } from './value-shapes.js';

/** The sample token of jwt.io and RFC-style docs: subject 1234567890, John Doe. */
const DOCUMENTED_PAYLOAD = /"sub"\s*:\s*"1234567890"|John Doe/;

/**
 * A JWT whose header decodes to JSON naming an algorithm is a real token,
 * unless its payload is the well-known documentation sample.
 */
export function isJwt(secret: string): boolean {
  const [header = '', payload = '', signature = ''] = secret.split('.');
  if (signature.length < 16) return false;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (typeof decoded !== 'object' || decoded === null || !('alg' in decoded)) return false;
  } catch {
    return false;
  }
  return !DOCUMENTED_PAYLOAD.test(Buffer.from(payload, 'base64url').toString('utf8'));
}

/**
 * Basic credentials must decode to `user:password` with a real password
 * (not `username:password` from the docs); a JWT must not be the
 * documentation sample. Other tokens are taken as they are.
 */
function isHeaderCredential(secret: string, match: RegExpExecArray): boolean {
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(secret)) return isJwt(secret);
  if (match.groups?.scheme?.toLowerCase() !== 'basic') return true;
  // `echo user:pw | base64` encodes the newline too.
  const decoded = Buffer.from(secret, 'base64').toString('utf8').replace(/\r?\n$/, '');
  const colon = decoded.indexOf(':');
  if (colon < 1 || /[\x00-\x1f\ufffd]/.test(decoded)) return false;
  return !isWellKnownPassword(decoded.slice(colon + 1));
}

/** Bearer tokens not tied to one vendor: JWTs and Authorization headers. */
export const TOKEN_RULES: readonly SecretRule[] = [
  {
    id: 'jwt',
    description: 'JSON Web Token',
    family: 'token',
    keywords: ['eyj'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-`,
      String.raw`z0-9_-]{16,})(?![A-Za-z0-9_-])`),
    window: { before: 0, after: 16_000 },
    entropy: 3,
    validate: isJwt,
  },
  {
    id: 'authorization-header',
    description: 'Bearer or Basic credentials in an Authorization header',
    family: 'token',
    keywords: ['authorization'],
    // `Authorization: Bearer ...`, `"Authorization": "Basic ..."`, a subscript
    // (`headers['Authorization'] = ...`), the name and value as arguments
    // (`setRequestHeader("Authorization", "Basic ...")`) or apart (nginx's
    // `proxy_set_header Authorization "Bearer ..."`).
    pattern: joinedPattern('di',
      String.raw`authorization["']?\]?(?:\s*[:=,]|\s)\s*["'\x60]?(?<scheme>bearer|basic|token)`,
      String.raw`\s+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])`),
    entropy: 3.5,
    validate: isHeaderCredential,
  },
];
