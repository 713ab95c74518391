import type { SecretRule } from '../secret-rule.js';
import { afterContext } from './boundaries.js';
import { joinedPattern } from '../../joined-pattern.js';

/** Base58 as CircleCI writes a UUID: no 0, O, I or l. */
const BASE58 = '1-9A-HJ-NP-Za-km-z';

/** Source hosting and CI: GitHub, GitLab, Bitbucket, Atlassian, Buildkite, CircleCI, Octopus. */
export const SOURCE_HOSTING_RULES: readonly SecretRule[] = [
  {
    id: 'github-token',
    description: 'GitHub personal access, OAuth, app or refresh token',
    family: 'source hosting',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/d,
    entropy: 3.5,
  },
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    family: 'source hosting',
    keywords: ['github_pat_'],
    pattern: /(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/d,
    entropy: 4,
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal, project, deploy, runner, pipeline or feed token',
    family: 'source hosting',
    keywords: [
      'glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glimt-', 'glagent-', 'gloas-',
      'glsoat-', 'glft-', 'glffct-', 'gr1348941',
    ],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_-])(?<secret>(?:gl(?:pat|dt|rt|ptt|cbt|imt|agent|oas|soat|ft|`,
      String.raw`ffct)-|GR1348941)[A-Za-z0-9_.-]{20,})(?![A-Za-z0-9_-])`),
    entropy: 3.5,
  },
  {
    id: 'bitbucket-app-password',
    description: 'Bitbucket app password',
    family: 'source hosting',
    keywords: ['atbb'],
    pattern: /(?<![A-Za-z0-9])(?<secret>ATBB[A-Za-z0-9_=.-]{28,})(?![A-Za-z0-9_=.-])/d,
    entropy: 3.5,
  },
  {
    id: 'bitbucket-client-secret',
    description: 'Bitbucket OAuth client secret',
    family: 'source hosting',
    keywords: ['bitbucket'],
    pattern: afterContext(String.raw`bitbucket[\w.-]{0,20}?secret`, '[A-Za-z0-9_=-]{32,64}'),
    entropy: 3.5,
  },
  {
    id: 'atlassian-api-token',
    description: 'Atlassian (Jira, Confluence, Bitbucket) API token',
    family: 'source hosting',
    keywords: ['atatt3', 'atctt3'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AT[AC]TT3[A-Za-z0-9_=-]{150,220})(?![A-Za-z0-9_=-])/d,
    entropy: 4,
  },
  {
    // User API access tokens (`bkua_` and 40 hex digits, in newer ones after
    // a short `MTA.` segment) and agent session tokens (`bkaa_`).
    id: 'buildkite-token',
    description: 'Buildkite API access token or agent session token',
    family: 'source hosting',
    keywords: ['bkua_', 'bkaa_'],
    pattern: joinedPattern('d',
      String.raw`(?<![A-Za-z0-9_])(?<secret>bkua_(?:[A-Za-z0-9]{2,8}\.)?[a-f0-9]{40}|`,
      String.raw`bkaa_[A-Za-z0-9]{2,8}\.[A-Za-z0-9]{60,100})(?![A-Za-z0-9_.-])`),
    entropy: 3,
    // The example tokens of Buildkite's token security page.
    allow: [/^bkua_MTA\.4f6ccde8c73e/, /^bkaa_MTA\.Miyf6S3a3g9j/],
  },
  {
    // `CCIPAT_<base58 UUID>_<40 hex>`; project tokens start `CCIPRJ_`.
    id: 'circleci-token',
    description: 'CircleCI personal or project API token',
    family: 'source hosting',
    keywords: ['ccipat_', 'cciprj_'],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>CCIP(?:AT|RJ)_[${BASE58}]{21,22}` +
      String.raw`_[a-f0-9]{40})(?![A-Za-z0-9_])`, 'd'),
    entropy: 3.5,
    // The example token of CircleCI's changelog.
    allow: [/^CCIPAT_ULUhR6rJLxYbyzyrP19iMZ_/],
  },
  {
    // `API-` is everywhere in code (`X-API-Key`), so the key must be long,
    // upper case and hold a digit (random keys lack one 1 time in 5,000).
    id: 'octopus-deploy-api-key',
    description: 'Octopus Deploy API key',
    family: 'source hosting',
    keywords: ['api-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>API-[A-Z0-9]{26,32})(?![A-Za-z0-9_-])/d,
    entropy: 3.5,
    validate: (secret) => /[0-9]/.test(secret),
  },
];
