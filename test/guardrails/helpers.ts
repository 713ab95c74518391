import { guardrailsConfigSchema, type GuardrailsConfig } from '../../src/guardrails/config.js';
import { Guardrails } from '../../src/guardrails/guardrails.js';

/** A credential the shared secret detectors report (an AWS access key id shape). */
export const AWS_KEY = ['AKIA', 'IOSFODNN7', 'EXAMPLX'].join('');

/** Guardrails from a `guardrails:` section as a user would write it. */
export function guardrailsFrom(section: unknown): Guardrails {
  return new Guardrails(guardrailsConfigSchema.parse(section));
}

/** The parsed configuration of a section. */
export function configFrom(section: unknown): GuardrailsConfig {
  return guardrailsConfigSchema.parse(section);
}
