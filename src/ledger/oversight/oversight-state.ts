import type { LedgerConfig } from '../config.js';

/** Where a request's answer stands in human oversight (EU AI Act Art. 14). */
export type OversightStatus = 'not_required' | 'pending' | 'validated' | 'rejected';

/** The oversight state of one request. */
export interface OversightState {
  status: OversightStatus;
  /** Attestations by different people the policy asks for (0 when none). */
  required: number;
  /** People whose latest verdict is approved or edited. */
  approved_by: string[];
  rejected_by: string[];
}

/** The identity fields an oversight rule can name. */
export interface OversightIdentity {
  user?: string | undefined;
  department?: string | undefined;
  agent?: string | undefined;
}

/** Attestations the configured policy asks for: the most any matching rule says. */
export function requiredAttestations(rules: LedgerConfig['oversight'],
  identity: OversightIdentity): number {
  let required = 0;
  for (const rule of rules) {
    const [kind, name] = [rule.scope.slice(0, rule.scope.indexOf(':')),
      rule.scope.slice(rule.scope.indexOf(':') + 1)];
    const value = kind === 'agent' ? identity.agent
      : kind === 'department' ? identity.department : identity.user;
    if (value === name) required = Math.max(required, rule.attestations);
  }
  return required;
}

/**
 * Folds attestations (in ledger order) into a state. Each person's latest
 * verdict counts once, so one person cannot stand for two; any standing
 * rejection makes the answer rejected.
 */
export function oversightState(required: number,
  attestations: readonly { by: string; verdict: string }[]): OversightState {
  const latest = new Map<string, string>();
  for (const a of attestations) latest.set(a.by, a.verdict);
  const approved_by = [...latest].filter(([, v]) => v !== 'rejected').map(([by]) => by);
  const rejected_by = [...latest].filter(([, v]) => v === 'rejected').map(([by]) => by);

  let status: OversightStatus;
  if (rejected_by.length > 0) status = 'rejected';
  else if (approved_by.length >= Math.max(required, 1)) status = 'validated';
  else status = required > 0 ? 'pending' : 'not_required';
  return { status, required, approved_by, rejected_by };
}

/** The agents, departments and users named by the rules, for the pending query. */
export function ruleScopes(rules: LedgerConfig['oversight'])
  : { agents: string[]; departments: string[]; users: string[] } {
  const scopes = { agents: [] as string[], departments: [] as string[], users: [] as string[] };
  for (const { scope } of rules) {
    const name = scope.slice(scope.indexOf(':') + 1);
    if (scope.startsWith('agent:')) scopes.agents.push(name);
    else if (scope.startsWith('department:')) scopes.departments.push(name);
    else scopes.users.push(name);
  }
  return scopes;
}
