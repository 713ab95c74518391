import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/**
 * Cloud platforms beyond the large providers of `cloud-rules.ts`: Tencent
 * Cloud, Cloudflare's Origin CA, OpenShift, Tailscale, and the hosted
 * databases PlanetScale and Neon.
 */
export const CLOUD_PLATFORM_RULES: readonly SecretRule[] = [
  {
    // The SecretId names the key pair, as an AWS access key id does; its
    // SecretKey has no prefix and is left to the generic rule.
    id: 'tencent-cloud-secret-id',
    description: 'Tencent Cloud API SecretId',
    family: 'cloud',
    keywords: ['akid'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/d,
    entropy: 3.5,
  },
  {
    // 24 and usually 146 hex digits; Cloudflare says the length may vary.
    id: 'cloudflare-origin-ca-key',
    description: 'Cloudflare Origin CA key (X-Auth-User-Service-Key)',
    family: 'cloud',
    keywords: ['v1.0-'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_.-])(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{100,200})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 3,
    // The example value of Cloudflare's API reference.
    allow: [/^v1\.0-144c9defac04969c7bfad8ef-/],
  },
  {
    id: 'openshift-user-token',
    description: 'OpenShift OAuth access token (sha256~)',
    family: 'cloud',
    keywords: ['sha256~'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sha256~[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/d,
    entropy: 3.5,
  },
  {
    // `tskey-<type>-<key id, e.g. kAbC123CNTRL>-<secret>`.
    id: 'tailscale-key',
    description: 'Tailscale auth key, API access token, OAuth client, SCIM or webhook key',
    family: 'cloud',
    keywords: ['tskey-'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>tskey-(?:auth|api|client|scim|webhook)-`,
      String.raw`[A-Za-z0-9]{6,24}-[A-Za-z0-9]{24,64})(?![A-Za-z0-9_-])`),
    entropy: 3.5,
  },
  {
    id: 'planetscale-token',
    description: 'PlanetScale service token, OAuth token or database password',
    family: 'cloud',
    keywords: ['pscale_'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_-]{32,64})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 3.5,
  },
  {
    // `napi_` alone also starts every Node-API function name (snake case).
    id: 'neon-api-key',
    description: 'Neon (serverless Postgres) API key',
    family: 'cloud',
    keywords: ['napi_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>napi_[a-z0-9]{64})(?![A-Za-z0-9_])/d,
    entropy: 3.5,
  },
];
