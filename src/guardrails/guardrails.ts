import { collectTextSlots, writeSlots, type ApiShape, type TextSlot } from './body/text-slots.js';
import { newCanary } from './canary.js';
import { classifyLevel } from './classification/classify-level.js';
import { clearanceCovers } from './classification/clearance-covers.js';
import type { GuardrailsConfig } from './config.js';
import { ExtractionTracker } from './extraction/extraction-tracker.js';
import { redactMatches, type Finding, type TextMatch } from './finding.js';
import { insertCanary } from './insert-canary.js';
import { detectInjection } from './injection/detect-injection.js';
import { loadInjectionModel, type InjectionModel } from './injection/injection-model.js';
import { StreamingOutputFilter, type OutputFilter } from './output/output-filter.js';
import { compilePolicy, resolvePolicy, type CompiledPolicy, type Identity } from './policy.js';
import { scanDlp } from './scan-dlp.js';

export type { ApiShape } from './body/text-slots.js';
export type { Finding } from './finding.js';
export type { OutputFilter } from './output/output-filter.js';
export type { Identity } from './policy.js';

/** The guardrails' decision on one request. */
export interface RequestVerdict {
  action: 'allow' | 'block';
  /** Rule id of the first blocking finding. */
  blockingRuleId?: string;
  findings: Finding[];
  /** Redacted copy (canary included), or the very object given when nothing changed. */
  body: Record<string, unknown>;
  /** Classification level of the request, when classification is on. */
  level?: string;
  /**
   * When `level` is above the lowest: what the gateway does if the chosen
   * provider's clearance does not cover it (`clearanceCovers`). `route`:
   * send `routeModel` to a provider cleared for the level, else block.
   * `block`: refuse. `flag` and `monitor`: send as asked, recorded.
   */
  classification?: { action: 'route' | 'block' | 'flag' | 'monitor'; routeModel?: string };
  /** Canary added to the system prompt; pass it to `outputFilter` to catch a leak. */
  canary?: string;
}

/** What the gateway passes for one request. */
export interface InspectRequestInput {
  api: ApiShape;
  body: Record<string, unknown>;
  identity: Identity;
  /** Highest level the key may send; a request above it is blocked. */
  maxLevel?: string;
  /** Time in ms for the extraction window; default `Date.now()`. */
  now?: number;
}

/** Findings listed per request; past this only the first of each rule is kept. */
const MAX_FINDINGS = 200;

interface Inspection {
  readonly compiled: CompiledPolicy;
  readonly findings: Finding[];
  readonly edits: { path: readonly (string | number)[]; text: string }[];
}

function actionFor(policyAction: string, match: TextMatch): Finding['action'] {
  if (policyAction === 'monitor') return 'monitor';
  if (policyAction === 'redact' && match.redactAs === undefined) return 'flag';
  return policyAction as Finding['action'];
}

function pushFinding(findings: Finding[], finding: Finding): void {
  const repeated = findings.length >= MAX_FINDINGS
    && findings.some((f) => f.ruleId === finding.ruleId);
  if (!repeated) findings.push(finding);
}

/**
 * Input and output guardrails for the gateway: injection and jailbreak
 * detection, credentials and personal data (block, redact, flag or
 * monitor), classification levels, canaries, extraction by repetition, and
 * a streaming filter for answers. Policies resolve per department and agent.
 */
export class Guardrails {
  readonly #config: GuardrailsConfig;
  readonly #policies = new Map<string, CompiledPolicy>();
  readonly #model: InjectionModel | null;
  readonly #tracker: ExtractionTracker;

  /**
   * @throws TokenwardenError `config_invalid` when injection detection is on
   *   anywhere and the committed model file is missing or corrupt.
   */
  constructor(config: GuardrailsConfig) {
    this.#config = config;
    const on = (action: string | undefined) => action !== undefined && action !== 'off';
    const injectionOn = on(config.injection.action) || on(config.output.injection)
      || config.overrides.some((o) => on(o.injection?.action) || on(o.output?.injection));
    this.#model = injectionOn ? loadInjectionModel() : null;
    this.#tracker = new ExtractionTracker({
      maxKeys: config.extraction.max_keys, perKey: config.extraction.per_key,
    });
  }

  /**
   * Checks every text a model would read in the request.
   * @returns the verdict; never throws on any body shape.
   */
  inspectRequest(input: InspectRequestInput): RequestVerdict {
    const compiled = this.#policyFor(input.identity);
    const slots = collectTextSlots(input.api, input.body);
    const inspection: Inspection = { compiled, findings: [], edits: [] };

    for (const slot of slots) this.#inspectSlot(slot, inspection);
    this.#checkExtraction(slots, input, inspection);
    const { findings } = inspection;
    const verdict: RequestVerdict = { action: 'allow', findings, body: input.body };
    this.#classify(slots, input.maxLevel, inspection, verdict);

    verdict.body = writeSlots(input.body, inspection.edits);
    const blocking = findings.find((f) => f.action === 'block');
    if (blocking) {
      verdict.action = 'block';
      verdict.blockingRuleId = blocking.ruleId;
      return verdict;
    }

    if (compiled.policy.canary.enabled) {
      const canary = newCanary();
      const withCanary = insertCanary(input.api, verdict.body, canary);
      if (withCanary) {
        verdict.body = withCanary;
        verdict.canary = canary;
      }
    }
    return verdict;
  }

  /**
   * A filter for the answer to a request of this identity.
   * @returns undefined when output checks are off for that identity.
   */
  outputFilter(identity: Identity, options: { canary?: string } = {}): OutputFilter | undefined {
    const compiled = this.#policyFor(identity);
    const { output } = compiled.policy;
    if (output.action === 'off' && output.injection === 'off') return undefined;
    return new StreamingOutputFilter(compiled, { canary: options.canary, model: this.#model });
  }

  #policyFor(identity: Identity): CompiledPolicy {
    const key = `${identity.department ?? ''}\u0000${identity.agent ?? ''}`;
    let compiled = this.#policies.get(key);
    if (!compiled) {
      compiled = compilePolicy(resolvePolicy(this.#config, identity));
      // Identities come from issued keys, so this stays small; the cap guards the rest.
      if (this.#policies.size > 10_000) this.#policies.clear();
      this.#policies.set(key, compiled);
    }
    return compiled;
  }

  #inspectSlot(slot: TextSlot, inspection: Inspection): void {
    const { policy } = inspection.compiled;
    const { findings } = inspection;

    if (policy.injection.action !== 'off') {
      const threshold = slot.role === 'tool'
        ? policy.injection.tool_threshold : policy.injection.threshold;
      // Tool results and the JSON arguments of tool calls are data, not prose.
      const data = slot.role === 'tool' || slot.path[slot.path.length - 1] === 'arguments';
      const result = detectInjection(slot.text,
        { model: this.#model, classifierThreshold: threshold, data });
      if (result.score >= threshold) {
        pushFinding(findings, { ruleId: result.findings[0]?.ruleId ?? 'injection.classifier',
          kind: 'injection', action: policy.injection.action, location: slot.location });
      }
    }

    const redacted: TextMatch[] = [];
    for (const match of scanDlp(slot.text, inspection.compiled)) {
      const section = match.kind === 'secret' ? policy.secrets.action : policy.pii.action;
      const action = actionFor(section, match);
      pushFinding(findings, { ruleId: match.ruleId, kind: match.kind, action,
        location: slot.location });
      if (action === 'redact') redacted.push(match);
    }
    if (redacted.length > 0) {
      inspection.edits.push({ path: slot.path, text: redactMatches(slot.text, redacted) });
    }
  }

  #checkExtraction(slots: readonly TextSlot[], input: InspectRequestInput,
    inspection: Inspection): void {
    const { extraction } = inspection.compiled.policy;
    const keyId = input.identity.keyId;
    if (extraction.action === 'off' || keyId === undefined) return;

    const users = slots.filter((slot) => slot.role === 'user');
    const prompt = (users[users.length - 1] ?? slots[slots.length - 1])?.text;
    if (prompt === undefined) return;

    const near = this.#tracker.record(keyId, prompt, input.now ?? Date.now(), extraction);
    if (near + 1 >= extraction.threshold) {
      pushFinding(inspection.findings, { ruleId: 'extraction.near_duplicates',
        kind: 'extraction', action: extraction.action, location: 'request' });
    }
  }

  #classify(slots: readonly TextSlot[], maxLevel: string | undefined, inspection: Inspection,
    verdict: RequestVerdict): void {
    const { classification } = inspection.compiled.policy;
    if (classification.action === 'off') return;

    const levels = classification.levels;
    const lowest = levels[0] as string;
    const level = classifyLevel(slots.map((slot) => slot.text), inspection.compiled.markers)
      ?? lowest;
    verdict.level = level;
    const monitor = classification.action === 'monitor';

    if (level !== lowest) {
      verdict.classification = classification.route_model === undefined
        ? { action: classification.action }
        : { action: classification.action, routeModel: classification.route_model };
      pushFinding(inspection.findings, { ruleId: `classification.${level}`,
        kind: 'classification', action: monitor ? 'monitor' : 'flag', location: 'request' });
    }

    if (maxLevel !== undefined && !clearanceCovers(maxLevel, level, levels)) {
      pushFinding(inspection.findings, { ruleId: 'classification.max_level',
        kind: 'classification', action: monitor ? 'monitor' : 'block', location: 'request' });
    }
  }
}
