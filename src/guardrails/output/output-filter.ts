import { canaryLeaked } from '../canary.js';
import { detectInjection } from '../injection/detect-injection.js';
import type { InjectionModel } from '../injection/injection-model.js';
import type { Finding, TextMatch } from '../finding.js';
import { redactMatches } from '../finding.js';
import { dropOverlaps } from '../pii/detect-pii.js';
import type { CompiledPolicy } from '../policy.js';
import { scanDlp } from '../scan-dlp.js';
import { COMMAND_RULES, LINK_RULES, type OutputRule } from './output-rules.js';

/** Text already emitted that is scanned again as context for the next part. */
const CONTEXT_CHARS = 64;

/**
 * Text already emitted that the injection detector reads again with the
 * next part: an instruction is a sentence or two, longer than a secret.
 */
const INJECTION_CONTEXT_CHARS = 512;

/** Findings kept per answer; an answer full of addresses needs no thousand entries. */
const MAX_FINDINGS = 100;

/** Streaming check of an answer: feed deltas, emit what `push` returns. */
export interface OutputFilter {
  /** Takes the next delta and returns the text now safe to emit (possibly empty). */
  push(delta: string): string;
  /** Flushes what was held back, checked. */
  end(): string;
  readonly findings: Finding[];
  /** True once a blocking finding was seen: emit nothing more and end the answer. */
  readonly blocked: boolean;
  /**
   * True when the policy may change or stop the answer (redact, block), so
   * text must be held back; false when findings are only recorded (flag,
   * monitor) and the answer can pass as it comes.
   */
  readonly holdsText: boolean;
}

function scanRules(rules: readonly OutputRule[], kind: TextMatch['kind'], text: string,
  out: TextMatch[]): void {
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex += 1;
        continue;
      }
      if (rule.accept && !rule.accept(match[0])) continue;
      out.push({ ruleId: rule.ruleId, kind, start: match.index,
        end: match.index + match[0].length, redactAs: rule.redactAs });
    }
  }
}

/**
 * Checks answers as they stream: secrets, personal data, exfiltration links,
 * destructive commands, the canary and, when `output.injection` is on,
 * injected instructions. It holds back at most `hold_back` characters, so a
 * secret split across deltas is still seen whole, and releases text in
 * steps of a quarter of that window. The injection detector reads each part
 * with the 512 characters emitted before it; an answer it blocks is
 * stopped before the part that carries the instruction.
 */
export class StreamingOutputFilter implements OutputFilter {
  readonly findings: Finding[] = [];
  #blocked = false;
  #pending = '';
  #context = '';
  readonly #compiled: CompiledPolicy;
  readonly #canary: string | undefined;
  readonly #holdBack: number;
  readonly #seen = new Set<string>();
  readonly #model: InjectionModel | null;
  #injectionContext = '';

  constructor(compiled: CompiledPolicy,
    options: { canary?: string | undefined; model?: InjectionModel | null } = {}) {
    this.#compiled = compiled;
    this.#canary = options.canary;
    this.#model = options.model ?? null;
    this.#holdBack = compiled.policy.output.hold_back;
  }

  get blocked(): boolean {
    return this.#blocked;
  }

  get holdsText(): boolean {
    const { action, injection } = this.#compiled.policy.output;
    return action === 'redact' || action === 'block' || injection === 'block';
  }

  push(delta: string): string {
    if (this.#blocked) return '';
    this.#pending += delta;
    if (this.#pending.length <= this.#holdBack) return '';
    return this.#release(this.#pending.length - Math.floor((this.#holdBack * 3) / 4));
  }

  end(): string {
    if (this.#blocked) return '';
    return this.#release(this.#pending.length);
  }

  /** Checks the pending text and emits its first `cut` characters (less if a match straddles). */
  #release(cut: number): string {
    const context = this.#context;
    const text = context + this.#pending;
    const matches = this.#scan(text).filter((m) => m.start >= context.length);

    let end = context.length + cut;
    if (cut < this.#pending.length) {
      for (const match of matches) {
        if (match.start < end && match.end > end) end = match.start;
      }
    }

    const released = matches.filter((m) => m.start < end);
    this.#record(released);
    this.#checkInjection(text.slice(context.length));
    if (this.#blocked) return '';

    const chunk = text.slice(context.length, end);
    const shifted = released.map((m) => ({ ...m, start: m.start - context.length,
      end: m.end - context.length }));
    const action = this.#compiled.policy.output.action;
    const out = action === 'redact' ? redactMatches(chunk, shifted) : chunk;

    this.#pending = text.slice(end);
    this.#context = (context + chunk).slice(-CONTEXT_CHARS);
    this.#injectionContext = (this.#injectionContext + chunk).slice(-INJECTION_CONTEXT_CHARS);
    return out;
  }

  /** Scores the pending text, after what was emitted just before it, for injection. */
  #checkInjection(pending: string): void {
    const { policy } = this.#compiled;
    const action = policy.output.injection;
    if (action === 'off' || pending === '') return;
    const threshold = policy.injection.threshold;
    const result = detectInjection(this.#injectionContext + pending,
      { model: this.#model, classifierThreshold: threshold });
    if (result.score < threshold) return;
    if (action === 'block') this.#blocked = true;
    this.#addFinding({ ruleId: result.findings[0]?.ruleId ?? 'injection.classifier',
      kind: 'injection', action, location: 'output' });
  }

  #addFinding(finding: Finding): void {
    const key = `${finding.ruleId}\u0000${finding.action}`;
    if (this.#seen.has(key) || this.findings.length >= MAX_FINDINGS) return;
    this.#seen.add(key);
    this.findings.push(finding);
  }

  #scan(text: string): TextMatch[] {
    const { output } = this.#compiled.policy;
    if (output.action === 'off') return [];
    const matches = scanDlp(text, this.#compiled);
    if (output.links) scanRules(LINK_RULES, 'output', text, matches);
    if (output.commands) scanRules(COMMAND_RULES, 'output', text, matches);

    const canary = this.#canary;
    if (canary !== undefined && canaryLeaked(text, canary)) {
      let at = text.indexOf(canary);
      for (; at >= 0; at = text.indexOf(canary, at + 1)) {
        matches.push({ ruleId: 'canary.leak', kind: 'canary', start: at,
          end: at + canary.length, redactAs: 'CANARY' });
      }
    }
    return dropOverlaps(matches);
  }

  #record(matches: readonly TextMatch[]): void {
    const action = this.#compiled.policy.output.action;
    if (action === 'off') return;

    for (const match of matches) {
      // Commands are flagged whatever the policy: rewriting code silently would mislead.
      const redactable = match.redactAs !== undefined;
      const taken = action === 'monitor' ? 'monitor'
        : !redactable ? 'flag' : action;
      if (taken === 'block') this.#blocked = true;
      this.#addFinding({ ruleId: match.ruleId, kind: match.kind, action: taken,
        location: 'output' });
    }
  }
}
