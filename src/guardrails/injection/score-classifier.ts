import { NORM_POWER, sumFeatureWeights } from './hashed-features.js';
import type { InjectionModel } from './injection-model.js';

/** Classifier score of the most suspicious window, with that window's span. */
export interface ClassifierScore {
  /** Probability of injection, 0 to 1. */
  readonly score: number;
  /** Span in normalised units. */
  readonly start: number;
  readonly end: number;
}

/** Longest span scored as one text; longer texts are scored in overlapping windows. */
export const WINDOW_UNITS = 2048;

const STRIDE_UNITS = WINDOW_UNITS / 2;

/**
 * Highest classifier score the detector gives a text longer than one
 * window: below every threshold, so a model-free signal must agree.
 */
export const LONG_TEXT_CAP = 0.3;

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Scores normalised text. Features are counts divided by the square root of
 * their total, so one window's score is the bias plus the sum of its
 * features' weights over the root of their number: a prefix sum per
 * position gives every window at once. The most suspicious window wins, so
 * one injected paragraph in a long document is not averaged away.
 */
export function scoreClassifier(units: Uint16Array, model: InjectionModel): ClassifierScore {
  const length = units.length;
  if (length === 0) return { score: sigmoid(model.bias), start: 0, end: 0 };

  const sums = new Int32Array(length + 1);
  const counts = new Int32Array(length + 1);
  sumFeatureWeights(units, model.weights, sums, counts);
  for (let i = 1; i <= length; i += 1) {
    sums[i] = (sums[i] as number) + (sums[i - 1] as number);
    counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  }

  let best = { logit: -Infinity, start: 0, end: length };
  for (let start = 0; ; start += STRIDE_UNITS) {
    const end = Math.min(length, start + WINDOW_UNITS);
    const count = (counts[end] as number) - (counts[start] as number);
    const sum = ((sums[end] as number) - (sums[start] as number)) * model.scale;
    const logit = model.bias + (count > 0 ? sum / count ** NORM_POWER : 0);
    if (logit > best.logit) best = { logit, start, end };
    if (end >= length) break;
  }

  return { score: sigmoid(best.logit), start: best.start, end: best.end };
}
