import { detectInjection } from '../guardrails/injection/detect-injection.js';

/** One passage the injection detector flagged. */
export interface InjectionSpan {
  ruleId: string;
  start: number;
  end: number;
}

/** The detector's answer for one text: a 0-1 score and its evidence. */
export interface InjectionResult {
  score: number;
  findings: readonly InjectionSpan[];
}

/**
 * What the scanner needs of an injection detector (lets tests pass their
 * own). `classifier: false` asks for the model-free signals only.
 */
export type InjectionDetector = (text: string, options?: { classifier?: boolean })
  => InjectionResult;

/** File extensions whose text is, or often holds, a prompt. */
const PROMPT_EXTENSIONS = ['.prompt', '.txt', '.md', '.json', '.yaml', '.yml'];

/** True when `path` names a prompt-like file that gets the injection check. */
export function isPromptLike(path: string): boolean {
  const lower = path.toLowerCase();
  return PROMPT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * The guardrails' prompt-injection detector (`src/guardrails/injection/`),
 * the same one the gateway runs on prompts, so a file and a request get
 * the same verdict. It is tried once on a short text first, so a broken
 * model fails here, before the scan, not on the first prompt-like file.
 * @throws Error (a TokenwardenError from the guardrails) when it cannot run.
 */
export function injectionDetector(): InjectionDetector {
  detectInjection('probe');
  return (text, options = {}) =>
    detectInjection(text, options.classifier === false ? { model: null } : {});
}
