import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';

/** Package and container registries: npm, PyPI, NuGet, RubyGems, Docker Hub, JFrog. */
export const REGISTRY_RULES: readonly SecretRule[] = [
  {
    id: 'npm-access-token',
    description: 'npm access token',
    family: 'package registry',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/d,
    entropy: 3.5,
  },
  {
    id: 'npmrc-auth-token',
    description: 'Registry auth token in an .npmrc file',
    family: 'package registry',
    keywords: ['_authtoken', '_auth='],
    pattern: /:_auth(?:Token)?\s*=\s*["']?(?<secret>[A-Za-z0-9_+/=.-]{16,})/d,
    entropy: 3,
  },
  {
    id: 'pypi-upload-token',
    description: 'PyPI or TestPyPI upload token',
    family: 'package registry',
    keywords: ['pypi-age'],
    pattern: joinedPattern('d',
      String.raw`(?<secret>pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,})`,
      String.raw`(?![A-Za-z0-9_-])`),
    entropy: 3.5,
  },
  {
    id: 'nuget-api-key',
    description: 'NuGet API key',
    family: 'package registry',
    keywords: ['oy2'],
    pattern: /(?<![A-Za-z0-9])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9])/d,
    entropy: 3.5,
  },
  {
    id: 'rubygems-api-key',
    description: 'RubyGems API key',
    family: 'package registry',
    keywords: ['rubygems_'],
    pattern: /(?<secret>rubygems_[a-f0-9]{48})(?![A-Za-z0-9])/d,
    entropy: 3,
  },
  {
    id: 'docker-hub-token',
    description: 'Docker Hub personal or organisation access token',
    family: 'package registry',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    pattern: /(?<secret>dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})(?![A-Za-z0-9_-])/d,
    entropy: 3.5,
  },
  {
    id: 'docker-config-auth',
    description: 'Registry credentials in a Docker config.json (base64 user:password)',
    family: 'package registry',
    keywords: ['"auth"'],
    pattern: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{12,}={0,2})"/d,
    entropy: 3,
    validate: (secret) => Buffer.from(secret, 'base64').toString('latin1').includes(':'),
  },
  {
    id: 'jfrog-api-key',
    description: 'JFrog Artifactory API key',
    family: 'package registry',
    keywords: ['akcp'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9])/d,
    entropy: 4,
  },
];
