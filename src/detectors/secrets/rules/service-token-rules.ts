import type { SecretRule } from '../secret-rule.js';
import { afterContext, UUID } from './boundaries.js';
import { joinedPattern } from '../../joined-pattern.js';

/** A rule for a token with a distinctive prefix, bounded on both sides. */
function prefixed(
  id: string,
  description: string,
  keyword: string,
  body: string,
  family = 'developer service',
): SecretRule {
  const prefix = keyword.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return {
    id,
    description,
    family,
    keywords: [keyword],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>${prefix}${body})(?![A-Za-z0-9_-])`, 'di'),
    entropy: 3.5,
  };
}

/** A rule for a token with no prefix, found next to the name of its service. */
function named(id: string, description: string, word: string, value: string): SecretRule {
  return {
    id,
    description,
    family: 'developer service',
    keywords: [word],
    pattern: afterContext(word, value),
    entropy: 3,
  };
}

/**
 * A 1Password service account token is `ops_` and base64 JSON whose first
 * field is the account's sign-in address; short samples in docs stop there.
 */
function isOnePasswordToken(secret: string): boolean {
  return Buffer.from(secret.slice(4), 'base64').toString('latin1').includes('"signInAddress"');
}

/** More services with recognisable tokens: hosting, monitoring, commerce, productivity. */
export const SERVICE_TOKEN_RULES: readonly SecretRule[] = [
  prefixed('netlify-token', 'Netlify personal access token', 'nfp_', '[A-Za-z0-9]{36}'),
  prefixed('flyio-token', 'Fly.io access token', 'fo1_', '[A-Za-z0-9_-]{43}'),
  prefixed('render-api-key', 'Render API key', 'rnd_', '[A-Za-z0-9]{32}'),
  prefixed('sourcegraph-token', 'Sourcegraph access token', 'sgp_',
    '(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}'),
  prefixed('contentful-token', 'Contentful personal access token', 'cfpat-', '[A-Za-z0-9_-]{43}'),
  prefixed('typeform-token', 'Typeform personal access token', 'tfp_', '[A-Za-z0-9_.=-]{59}'),
  prefixed('prefect-api-key', 'Prefect API key', 'pnu_', '[A-Za-z0-9]{36}'),
  prefixed('readme-api-key', 'ReadMe API key', 'rdme_', '[a-z0-9]{70}'),
  prefixed('infracost-api-key', 'Infracost API key', 'ico-', '[A-Za-z0-9]{32}'),
  prefixed('adafruit-io-key', 'Adafruit IO key', 'aio_', '[A-Za-z0-9]{28}'),
  prefixed('clickup-token', 'ClickUp personal token', 'pk_', '[0-9]{6,9}_[A-Z0-9]{32}'),
  prefixed('hubspot-token', 'HubSpot private app token', 'pat-',
    '(?:na|eu)[12]-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}'),
  prefixed('shippo-token', 'Shippo API token', 'shippo_', '(?:live|test)_[a-f0-9]{40}',
    'payments'),
  prefixed('easypost-api-key', 'EasyPost API key', 'ezak', '[A-Za-z0-9]{54}', 'payments'),
  prefixed('duffel-token', 'Duffel API token', 'duffel_', '(?:test|live)_[A-Za-z0-9_=-]{43}',
    'payments'),
  prefixed('flutterwave-secret-key', 'Flutterwave secret key', 'flwseck',
    '(?:_test)?-[a-h0-9]{32}-X', 'payments'),
  prefixed('dropbox-token', 'Dropbox short-lived access token', 'sl.', '[A-Za-z0-9_-]{130,}'),
  prefixed('figma-pat', 'Figma personal access token', 'figd_', '[A-Za-z0-9_-]{40,64}'),
  prefixed('adobe-client-secret', 'Adobe Developer Console client secret', 'p8e-',
    '[A-Za-z0-9_-]{32}'),
  prefixed('twitter-bearer-token', 'X (Twitter) app bearer token', 'aaaaaaaaaaaaaaaaaaaaa',
    '[A-Za-z0-9%]{40,}', 'messaging'),
  {
    id: 'sonarqube-token',
    description: 'SonarQube / SonarCloud token',
    family: 'developer service',
    keywords: ['sqp_', 'squ_', 'sqa_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sq[pua]_[a-f0-9]{40})(?![A-Za-z0-9_])/d,
    entropy: 3,
  },
  {
    id: 'plaid-access-token',
    description: 'Plaid access token',
    family: 'payments',
    keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    pattern: new RegExp(String.raw`(?<secret>access-(?:sandbox|development|production)-${UUID})`,
      'd'),
    entropy: 3,
  },
  {
    // `dt0c01` for access tokens, `dt0s..` for platform, OAuth and SCIM ones.
    id: 'dynatrace-token',
    description: 'Dynatrace access, platform or OAuth token',
    family: 'developer service',
    keywords: ['dt0'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>dt0[A-Za-z]\d{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 3.5,
    // The example token of Dynatrace's documentation.
    allow: [/^dt0s01\.ST2EY72KQINMH574WMNVI7YN\./],
  },
  {
    id: 'onepassword-service-account-token',
    description: '1Password service account token',
    family: 'developer service',
    keywords: ['ops_eyj'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{250,4000}={0,2})`,
      String.raw`(?![A-Za-z0-9+/=_-])`),
    // Real tokens run to some 860 characters, beyond the default window.
    window: { before: 0, after: 4_100 },
    entropy: 4,
    validate: isOnePasswordToken,
  },
  named('datadog-api-key', 'Datadog API or application key', 'datadog',
    '[a-f0-9]{32}|[a-f0-9]{40}'),
  named('okta-api-token', 'Okta API token', 'okta', '00[A-Za-z0-9_-]{40}'),
  named('algolia-api-key', 'Algolia admin API key', 'algolia', '[a-f0-9]{32}'),
  named('splunk-hec-token', 'Splunk HTTP Event Collector token', 'splunk', UUID),
  named('snyk-api-token', 'Snyk API token', 'snyk', UUID),
];
