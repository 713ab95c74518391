/** What a guardrail detected, as recorded and reported. Never holds the matched text. */
export interface Finding {
  /** Stable rule id, e.g. `injection.override`, `pii.credit_card`, `secret.aws-access-key-id`. */
  ruleId: string;
  kind: 'injection' | 'secret' | 'pii' | 'classification' | 'output' | 'extraction' | 'canary';
  /** What the policy did: `monitor` records without acting. */
  action: 'block' | 'redact' | 'flag' | 'monitor';
  /** Where in the request or answer, e.g. `messages[2].content (tool)` or `output`. */
  location: string;
}

/** A match inside one text, before a policy turns it into a finding. */
export interface TextMatch {
  readonly ruleId: string;
  readonly kind: Finding['kind'];
  readonly start: number;
  readonly end: number;
  /** Redaction label (`<TYPE>`); undefined for matches that are only ever flagged. */
  readonly redactAs?: string;
}

/** Replaces each match that has a label with `<LABEL>`; matches must not overlap. */
export function redactMatches(text: string, matches: readonly TextMatch[]): string {
  let out = '';
  let at = 0;
  for (const match of [...matches].sort((a, b) => a.start - b.start)) {
    if (match.redactAs === undefined || match.start < at) continue;
    out += `${text.slice(at, match.start)}<${match.redactAs}>`;
    at = match.end;
  }
  return out + text.slice(at);
}
