import { z } from 'zod';

/** What a limit or budget applies to. */
export type ScopeKind = 'key' | 'user' | 'department' | 'agent' | 'ip';

export interface Scope {
  kind: ScopeKind;
  /** A name, or undefined for "each one separately" (`user`, `key`, `ip`). */
  name: string | undefined;
}

/** The identity and address a request is checked against. */
export interface Subject {
  keyId: string;
  user: string;
  department: string;
  agent: string | null;
  ip: string;
}

const KINDS: readonly ScopeKind[] = ['key', 'user', 'department', 'agent', 'ip'];

/** Parses `key`, `ip`, `user`, `user:alice`, `department:engineering`, `key:key_1`. */
export function parseScope(text: string): Scope | undefined {
  const index = text.indexOf(':');
  const kind = (index === -1 ? text : text.slice(0, index)) as ScopeKind;
  const name = index === -1 ? undefined : text.slice(index + 1);
  if (!KINDS.includes(kind) || name === '' || (kind === 'ip' && name !== undefined)) {
    return undefined;
  }
  return { kind, name: name === '*' ? undefined : name };
}

/** A zod field for a scope string. */
export const scopeField = z.string().transform((text, ctx) => {
  const scope = parseScope(text);
  if (!scope) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be key, ip, user, department, agent, or one of them with :NAME',
    });
    return z.NEVER;
  }
  return scope;
});

function value(subject: Subject, kind: ScopeKind): string | null {
  switch (kind) {
    case 'key': return subject.keyId;
    case 'user': return subject.user;
    case 'department': return subject.department;
    case 'agent': return subject.agent;
    case 'ip': return subject.ip;
  }
}

/**
 * The counter key a scope gives for a subject, or undefined when the scope
 * does not apply (another user, or no agent).
 */
export function scopeKey(scope: Scope, subject: Subject): string | undefined {
  const actual = value(subject, scope.kind);
  if (actual === null) return undefined;
  if (scope.name !== undefined && scope.name !== actual) return undefined;
  return `${scope.kind}:${actual}`;
}

/** Writes a scope back as configured: `user:alice`, or `user` for each user. */
export function formatScope(scope: Scope): string {
  return scope.name === undefined ? scope.kind : `${scope.kind}:${scope.name}`;
}
