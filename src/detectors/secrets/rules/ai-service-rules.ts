import type { SecretRule } from '../secret-rule.js';
import { afterContext, mixedCaseRandom, UUID } from './boundaries.js';

/** Shorthand for the many AI services whose keys are a prefix and a fixed body. */
function prefixed(
  id: string,
  description: string,
  keyword: string,
  body: string,
): SecretRule {
  const prefix = keyword.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return {
    id,
    description,
    family: 'AI provider',
    keywords: [keyword],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_-])(?<secret>${prefix}${body})(?![A-Za-z0-9_-])`, 'di'),
    entropy: 3.5,
  };
}

/** AI services beyond the main model providers: search, speech, data and gateways. */
export const AI_SERVICE_RULES: readonly SecretRule[] = [
  prefixed('cerebras-api-key', 'Cerebras API key', 'csk-', '[a-z0-9]{48}'),
  prefixed('tavily-api-key', 'Tavily API key', 'tvly-', '(?:dev-|prod-)?[A-Za-z0-9]{32}'),
  prefixed('firecrawl-api-key', 'Firecrawl API key', 'fc-', '[a-f0-9]{32}'),
  prefixed('llamacloud-api-key', 'LlamaCloud / LlamaParse API key', 'llx-', '[A-Za-z0-9]{48}'),
  prefixed('jina-api-key', 'Jina AI API key', 'jina_', '[a-f0-9]{32}[A-Za-z0-9_-]{28}'),
  prefixed('anyscale-api-key', 'Anyscale API key', 'esecret_', '[A-Za-z0-9]{26}'),
  prefixed('helicone-api-key', 'Helicone API key', 'sk-helicone-',
    '(?:eu-|cp-)?[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}'),
  {
    id: 'stability-api-key',
    description: 'Stability AI API key',
    family: 'AI provider',
    keywords: ['stability'],
    pattern: afterContext('stability', 'sk-[A-Za-z0-9]{48}'),
    entropy: 3.5,
  },
  {
    id: 'together-api-key',
    description: 'Together AI API key',
    family: 'AI provider',
    keywords: ['together'],
    pattern: afterContext(String.raw`together[\w.-]{0,20}?(?:key|token)`,
      '(?:tgp_v1_)?[A-Za-z0-9_-]{40,64}'),
    entropy: 3.5,
  },
  {
    id: 'assemblyai-api-key',
    description: 'AssemblyAI API key',
    family: 'AI provider',
    keywords: ['assemblyai', 'assembly_ai'],
    pattern: afterContext('assembly_?ai', '[a-f0-9]{32}'),
    entropy: 3,
  },
  {
    id: 'deepgram-api-key',
    description: 'Deepgram API key',
    family: 'AI provider',
    keywords: ['deepgram'],
    pattern: afterContext('deepgram', '[a-f0-9]{40}'),
    entropy: 3,
  },
  {
    // Only the secret key: its `pk-lf-` partner is public by design. A UUID
    // body scores as low as 3.2, under the 3.5 of `prefixed`.
    id: 'langfuse-secret-key',
    description: 'Langfuse secret API key',
    family: 'AI provider',
    keywords: ['sk-lf-'],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_-])(?<secret>sk-lf-${UUID})(?![A-Za-z0-9_-])`,
      'd'),
    entropy: 3,
  },
  {
    // `pa-` and 32 random bytes in base64url.
    id: 'voyage-api-key',
    description: 'Voyage AI API key',
    family: 'AI provider',
    keywords: ['pa-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pa-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/d,
    entropy: 4,
    validate: mixedCaseRandom,
  },
];
