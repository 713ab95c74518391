import { z } from 'zod';
import { durationField } from '../config/duration.js';

/**
 * The `guardrails:` section of the configuration. Every section takes a
 * short form (`pii: redact`) or an object, every field has a default, and
 * an absent section gives the defaults: injection flag, secrets block, pii
 * flag, output flag, classification, canary and extraction off. Cheap and
 * safe: only a credential leaving is stopped outright; the rest is recorded
 * until a policy is chosen.
 */

const action = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

const probability = z.number().min(0).max(1);

/** Where a section's action applies to a match, how it is handled. */
const DLP_ACTIONS = ['block', 'redact', 'flag', 'monitor', 'off'] as const;
const DETECT_ACTIONS = ['block', 'flag', 'monitor', 'off'] as const;

const injectionShape = z.strictObject({
  action: action(DETECT_ACTIONS),
  /** Score from which a user or system message counts as an injection. */
  threshold: probability,
  /** Stricter threshold for tool results, function outputs and documents. */
  tool_threshold: probability,
});

const secretsShape = z.strictObject({ action: action(DLP_ACTIONS) });

const customPattern = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'must be snake_case' }),
  pattern: z.string().min(1),
  flags: z.string().regex(/^[imsu]*$/, { message: 'may hold only i, m, s, u' }).default(''),
}).superRefine((value, ctx) => {
  try {
    new RegExp(value.pattern, value.flags);
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['pattern'], input: value.pattern,
      message: `is not a valid regular expression: ${(error as Error).message}` });
  }
});

const piiShape = z.strictObject({
  action: action(DLP_ACTIONS),
  /** Built-in rules to skip, by rule id without `pii.` (e.g. `ipv4`). */
  disable: z.array(z.string()),
  custom_patterns: z.array(customPattern),
});

const classificationShape = z.strictObject({
  /** Levels from lowest to highest. */
  levels: z.array(z.string().min(1)).min(1),
  /** Level name to markers: literal words (case-sensitive) or `/regex/flags`. */
  markers: z.record(z.string(), z.array(z.string().min(1))),
  /** `route` to a provider cleared for the level, else `block`; `flag` only records. */
  action: action(['route', 'block', 'flag', 'monitor', 'off']),
  route_model: z.string().min(1).optional(),
});

const outputShape = z.strictObject({
  action: action(DLP_ACTIONS),
  /** Characters held back in streams so a secret split across deltas is caught. */
  hold_back: z.number().int().min(32).max(4096),
  /** Destructive SQL and shell commands are flagged (never redacted). */
  commands: z.boolean(),
  /** Markdown or HTML that would load an outside URL carrying data. */
  links: z.boolean(),
  /**
   * Injected instructions in answers (for answers another agent reads): the
   * injection detector at the identity's `injection.threshold`. Off by
   * default: answers about injection itself would be flagged.
   */
  injection: action(DETECT_ACTIONS),
});

const canaryShape = z.strictObject({ enabled: z.boolean() });

const extractionShape = z.strictObject({
  /** `block` throttles: near-duplicates beyond the threshold are refused. */
  action: action(DETECT_ACTIONS),
  window: durationField,
  /** Near-duplicate prompts from one key within the window that raise a finding. */
  threshold: z.number().int().min(2),
  /** Largest Hamming distance between 64-bit SimHashes counted as near-duplicate. */
  distance: z.number().int().min(0).max(16),
  max_keys: z.number().int().min(1),
  per_key: z.number().int().min(2).max(4096),
});

const DEFAULTS = {
  injection: { action: 'flag', threshold: 0.5, tool_threshold: 0.4 },
  secrets: { action: 'block' },
  pii: { action: 'flag', disable: [], custom_patterns: [] },
  classification: {
    levels: ['public', 'internal', 'confidential', 'secret'], markers: {}, action: 'off',
  },
  output: { action: 'flag', hold_back: 256, commands: true, links: true, injection: 'off' },
  canary: { enabled: false },
  extraction: {
    action: 'off', window: '10m', threshold: 20, distance: 8, max_keys: 10_000, per_key: 64,
  },
} as const;

type SectionName = keyof typeof DEFAULTS;

/** Short form: a bare action (or a boolean for `canary`) stands for `{action}`. */
function expand(name: SectionName, value: unknown): unknown {
  if (typeof value === 'boolean' && name === 'canary') return { enabled: value };
  if (typeof value === 'string') return { action: value };
  return value;
}

function withDefaults<T extends z.ZodType>(name: SectionName, shape: T) {
  return z.preprocess((value) => {
    // A YAML key with no value (`pii:`) reads as null: take it as absent.
    const given = expand(name, value ?? undefined);
    if (given === undefined) return { ...DEFAULTS[name] };
    return typeof given === 'object' && given !== null ? { ...DEFAULTS[name], ...given } : given;
  }, shape);
}

function partial<T extends z.ZodObject>(name: SectionName, shape: T) {
  return z.preprocess((value) => expand(name, value), shape.partial()).optional();
}

const sections = {
  injection: injectionShape, secrets: secretsShape, pii: piiShape,
  classification: classificationShape, output: outputShape, canary: canaryShape,
  extraction: extractionShape,
} as const;

const overrideSchema = z.strictObject({
  scope: z.string().regex(/^(department|agent):.+$/, {
    message: 'must be department:NAME or agent:NAME',
  }),
  injection: partial('injection', sections.injection),
  secrets: partial('secrets', sections.secrets),
  pii: partial('pii', sections.pii),
  classification: partial('classification', sections.classification),
  output: partial('output', sections.output),
  canary: partial('canary', sections.canary),
  extraction: partial('extraction', sections.extraction),
});

const sectionSchema = z.strictObject({
  injection: withDefaults('injection', sections.injection),
  secrets: withDefaults('secrets', sections.secrets),
  pii: withDefaults('pii', sections.pii),
  classification: withDefaults('classification', sections.classification),
  output: withDefaults('output', sections.output),
  canary: withDefaults('canary', sections.canary),
  extraction: withDefaults('extraction', sections.extraction),
  /** Per department or agent; an agent override wins over a department one. */
  overrides: z.array(overrideSchema).default([]),
}).superRefine((config, ctx) => {
  const levels = new Set(config.classification.levels);
  for (const [level, markers] of Object.entries(config.classification.markers)) {
    if (!levels.has(level)) {
      ctx.addIssue({ code: 'custom', path: ['classification', 'markers', level], input: level,
        message: `is not one of the levels ${[...levels].join(', ')}` });
    }
    markers.forEach((marker, index) => {
      const regex = /^\/(.+)\/([imsu]*)$/.exec(marker);
      if (!regex) return;
      try {
        new RegExp(regex[1] as string, regex[2]);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['classification', 'markers', level, index],
          input: marker, message: 'is not a valid /regular expression/' });
      }
    });
  }
}).default({
  injection: { ...DEFAULTS.injection },
  secrets: { ...DEFAULTS.secrets },
  pii: { action: 'flag', disable: [], custom_patterns: [] },
  classification: { ...DEFAULTS.classification, levels: [...DEFAULTS.classification.levels] },
  output: { ...DEFAULTS.output },
  canary: { ...DEFAULTS.canary },
  extraction: { ...DEFAULTS.extraction, window: 600_000 },
  overrides: [],
});

/**
 * Zod schema of the `guardrails:` section; see the module comment for the
 * defaults. An absent or empty (`guardrails:` alone) section gives them all.
 */
export const guardrailsConfigSchema = z.preprocess((value) => value ?? undefined, sectionSchema);

/** The validated `guardrails:` section. */
export type GuardrailsConfig = z.output<typeof guardrailsConfigSchema>;

/** One override as written, every field optional. */
export type GuardrailsOverride = z.output<typeof overrideSchema>;

/** The sections an override can change. */
export type GuardrailsPolicy = Omit<GuardrailsConfig, 'overrides'>;
