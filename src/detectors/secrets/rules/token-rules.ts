import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/** The sample token of jwt.io and RFC-style docs: subject 1234567890, John Doe. */
const DOCUMENTED_PAYLOAD = /"sub"\s*:\s*"1234567890"|John Doe/;

/**
 * A JWT whose header decodes to JSON naming an algorithm is a real token,
 * unless its payload is the well-known documentation sample.
 */
function isJwt(secret: string): boolean {
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
    pattern: joinedPattern('di',
      String.raw`authorization["']?\s*[:=]\s*["'\x60]?(?:bearer|basic|token)`,
      String.raw`\s+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])`),
    entropy: 3.5,
  },
];
