import type { GuardrailsConfig, GuardrailsOverride, GuardrailsPolicy } from './config.js';
import { compileMarkers, type LevelMarkers } from './classification/classify-level.js';
import type { CustomPattern } from './pii/detect-pii.js';

/** Who a request is for, as the gateway knows after authentication. */
export interface Identity {
  keyId?: string;
  user?: string;
  department?: string;
  agent?: string;
}

/** A policy with its patterns compiled, built once per department and agent. */
export interface CompiledPolicy {
  readonly policy: GuardrailsPolicy;
  readonly customPatterns: readonly CustomPattern[];
  readonly disabledPii: ReadonlySet<string>;
  readonly markers: readonly LevelMarkers[];
}

function applyOverride(base: GuardrailsPolicy, override: GuardrailsOverride): GuardrailsPolicy {
  return {
    injection: { ...base.injection, ...override.injection },
    secrets: { ...base.secrets, ...override.secrets },
    pii: { ...base.pii, ...override.pii },
    classification: { ...base.classification, ...override.classification },
    output: { ...base.output, ...override.output },
    canary: { ...base.canary, ...override.canary },
    extraction: { ...base.extraction, ...override.extraction },
  };
}

/**
 * The policy for an identity: the base sections, then the department's
 * override, then the agent's (the most specific wins, field by field).
 */
export function resolvePolicy(config: GuardrailsConfig, identity: Identity): GuardrailsPolicy {
  const { overrides, ...base } = config;
  let policy: GuardrailsPolicy = base;
  const scopes = [
    identity.department === undefined ? undefined : `department:${identity.department}`,
    identity.agent === undefined ? undefined : `agent:${identity.agent}`,
  ];
  for (const scope of scopes) {
    if (scope === undefined) continue;
    for (const override of overrides) {
      if (override.scope === scope) policy = applyOverride(policy, override);
    }
  }
  return policy;
}

/** Compiles a resolved policy's custom patterns and classification markers. */
export function compilePolicy(policy: GuardrailsPolicy): CompiledPolicy {
  const customPatterns = policy.pii.custom_patterns.map((custom) => ({
    name: custom.name,
    pattern: new RegExp(custom.pattern, `${custom.flags.replace(/g/g, '')}g`),
  }));
  return {
    policy, customPatterns,
    disabledPii: new Set(policy.pii.disable.map((id) => (id.startsWith('pii.') ? id
      : `pii.${id}`))),
    markers: compileMarkers(policy.classification.levels, policy.classification.markers),
  };
}
