import type { SecretRule } from '../secret-rule.js';
import { afterContext } from './boundaries.js';
import { joinedPattern } from '../../joined-pattern.js';

/** Source hosting and CI: GitHub, GitLab, Bitbucket and Atlassian. */
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
];
