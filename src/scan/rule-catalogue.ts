import { SECRET_RULES } from '../detectors/secrets/all-rules.js';

/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  description: string;
  family: string;
}

/** The rule the scanner reports prompt-injection findings under. */
export const PROMPT_INJECTION_RULE: RuleInfo = {
  id: 'prompt-injection',
  description: 'Instructions that try to override a model\'s own in a prompt-like file',
  family: 'prompt injection',
};

/** Every rule the scanner can report, credential rules first. */
export function ruleCatalogue(): RuleInfo[] {
  const rules = SECRET_RULES.map(({ id, description, family }) => ({ id, description, family }));
  return [...rules, PROMPT_INJECTION_RULE];
}
