import { detectInjection } from '../../src/guardrails/injection/detect-injection.js';
import { foldText } from '../../src/guardrails/injection/fold-text.js';
import { normaliseForModel } from '../../src/guardrails/injection/hashed-features.js';
import type { InjectionModel } from '../../src/guardrails/injection/injection-model.js';
import {
  LONG_TEXT_CAP, WINDOW_UNITS, scoreClassifier, sigmoid,
} from '../../src/guardrails/injection/score-classifier.js';
import type { CorpusRow } from './injection-corpus.js';

/** The chosen bias offset and what it gives on the rows it was chosen on. */
export interface Calibration {
  readonly offset: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
}

/** What the detector's score on one row is made of, for a fast offset search. */
export interface ScoreParts {
  readonly label: 0 | 1;
  /** Doubt left by the model-free signals (1 - their score). */
  readonly doubt: number;
  /** The classifier's logit on the most suspicious window. */
  readonly logit: number;
  readonly long: boolean;
}

/**
 * Splits each row's detector score into signals and classifier logit, with
 * `model` as the classifier.
 * @returns one entry per row, in order.
 */
export function scoreParts(rows: readonly CorpusRow[], model: InjectionModel): ScoreParts[] {
  return rows.map((row) => {
    const units = normaliseForModel(foldText(row.text).text);
    const score = scoreClassifier(units, model).score;
    const clamped = Math.min(Math.max(score, 1e-9), 1 - 1e-9);
    return {
      label: row.label,
      doubt: 1 - detectInjection(row.text, { model: null }).score,
      logit: Math.log(clamped / (1 - clamped)),
      long: units.length > WINDOW_UNITS,
    };
  });
}

/**
 * Platt scaling without the shift: the factor `a` that makes
 * sigmoid(a * logit + b) fit the labels best (log loss, with `b` fitted
 * alongside and then dropped, since the offset search sets the shift).
 * Spreads a timid model's scores so that thresholds below and above 0.5
 * mean what they say; the ranking does not change.
 * @returns the factor, at least 0.25 and at most 8.
 */
export function fitTemperature(parts: readonly ScoreParts[]): number {
  let a = 1;
  let b = 0;
  // Newton's method on two parameters; log loss is convex in (a, b).
  for (let iteration = 0; iteration < 50; iteration += 1) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const p of parts) {
      const q = sigmoid(a * p.logit + b);
      const r = q - p.label;
      const w = q * (1 - q);
      ga += r * p.logit;
      gb += r;
      haa += w * p.logit * p.logit;
      hab += w * p.logit;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    a -= (hbb * ga - hab * gb) / det;
    b -= (haa * gb - hab * ga) / det;
  }
  return Math.min(8, Math.max(0.25, a));
}

/**
 * The detector's score with `offset` added to the classifier's logit,
 * rebuilt from its parts the way detectInjection combines them (long texts
 * capped, and skipped without a signal). Encoded payloads are rescored with
 * signals only here: a small approximation that keeps the search fast.
 * @returns the score, 0 to 1.
 */
export function scoreWithOffset(parts: ScoreParts, offset: number): number {
  let prior = sigmoid(parts.logit + offset);
  if (parts.long) prior = parts.doubt < 1 ? Math.min(prior, LONG_TEXT_CAP) : 0;
  return 1 - (1 - prior) * parts.doubt;
}

/**
 * Picks the offset to add to the model's bias so that the detector, at its
 * default threshold 0.5, has the highest recall whose false positive rate
 * stays within `budget` (ties: the fewer false positives). Recall and false
 * positives both grow with the offset, so this is the largest offset within
 * budget. Meant for rows the model did not train on, never held-out ones.
 * @returns the offset (a multiple of 0.05 in [-4, 4]) and what it gives.
 */
export function chooseOffset(parts: readonly ScoreParts[], budget: number): Calibration {
  const positives = parts.filter((p) => p.label === 1).length;
  const negatives = parts.length - positives;

  let best: Calibration = { offset: -4, recall: -1, falsePositiveRate: 1 };
  for (let step = -80; step <= 80; step += 1) {
    const offset = step / 20;
    let caught = 0;
    let falseAlarms = 0;
    for (const p of parts) {
      if (scoreWithOffset(p, offset) < 0.5) continue;
      if (p.label === 1) caught += 1;
      else falseAlarms += 1;
    }
    const recall = caught / Math.max(positives, 1);
    const falsePositiveRate = falseAlarms / Math.max(negatives, 1);
    if (falsePositiveRate > budget) continue;
    const better = recall > best.recall
      || (recall === best.recall && falsePositiveRate < best.falsePositiveRate);
    if (better) best = { offset, recall, falsePositiveRate };
  }
  return best;
}
