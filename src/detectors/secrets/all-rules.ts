import type { SecretRule } from './secret-rule.js';
import { AI_PROVIDER_RULES } from './rules/ai-provider-rules.js';
import { AI_SERVICE_RULES } from './rules/ai-service-rules.js';
import { CLOUD_PLATFORM_RULES } from './rules/cloud-platform-rules.js';
import { CLOUD_RULES } from './rules/cloud-rules.js';
import { CONFIG_BLOCK_RULES } from './rules/config-block-rules.js';
import { CONNECTION_STRING_RULES } from './rules/connection-string-rules.js';
import { GENERIC_RULES } from './rules/generic-rules.js';
import { LOGIN_RULES } from './rules/login-rules.js';
import { MESSAGING_RULES } from './rules/messaging-rules.js';
import { PAYMENT_RULES } from './rules/payment-rules.js';
import { PRIVATE_KEY_RULES } from './rules/private-key-rules.js';
import { REGISTRY_RULES } from './rules/registry-rules.js';
import { SAAS_RULES } from './rules/saas-rules.js';
import { SERVICE_TOKEN_RULES } from './rules/service-token-rules.js';
import { SOURCE_HOSTING_RULES } from './rules/source-hosting-rules.js';
import { TOKEN_RULES } from './rules/token-rules.js';

/**
 * Every credential rule, most specific first: where two rules match the same
 * text, the earlier one names the finding, so generic rules come last.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  ...PRIVATE_KEY_RULES,
  ...CLOUD_RULES,
  ...CLOUD_PLATFORM_RULES,
  ...AI_PROVIDER_RULES,
  ...AI_SERVICE_RULES,
  ...SOURCE_HOSTING_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...REGISTRY_RULES,
  ...SAAS_RULES,
  ...SERVICE_TOKEN_RULES,
  ...TOKEN_RULES,
  ...CONNECTION_STRING_RULES,
  ...LOGIN_RULES,
  ...CONFIG_BLOCK_RULES,
  ...GENERIC_RULES,
];
