import {
  BUCKET_BITS, NORM_POWER, forEachFeature,
} from '../../src/guardrails/injection/hashed-features.js';

/** One training example: its sparse, normalised features, label and weight. */
export interface Sample {
  readonly buckets: Int32Array;
  readonly values: Float32Array;
  readonly label: number;
  readonly weight: number;
}

/** Hyperparameters of trainLogistic. */
export interface TrainingOptions {
  readonly epochs: number;
  /** AdaGrad base step. */
  readonly learningRate: number;
  /** L2 penalty, applied to the buckets a sample touches when it is seen. */
  readonly l2: number;
  readonly seed: number;
}

/** Weights (float) and bias of a trained model. */
export interface TrainedWeights {
  readonly weights: Float32Array;
  readonly bias: number;
}

/**
 * mulberry32: a small seeded generator, so shuffles and synthetic rows are
 * the same on every run.
 * @returns a function giving numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Features of one span of normalised units, as the classifier sees one
 * window: counts divided by their total to the power NORM_POWER.
 * @returns the sample, buckets in first-seen order.
 */
export function toSample(units: Uint16Array, label: number, weight: number): Sample {
  const counts = new Map<number, number>();
  let total = 0;
  forEachFeature(units, (bucket) => {
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    total += 1;
  });

  const buckets = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  const norm = Math.max(total, 1) ** NORM_POWER;
  let i = 0;
  for (const [bucket, count] of counts) {
    buckets[i] = bucket;
    values[i] = count / norm;
    i += 1;
  }
  return { buckets, values, label, weight };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}

/**
 * Weighted logistic regression by AdaGrad with L2, returning the average of
 * every iterate rather than the last one: averaging irons out the last
 * epoch's noise, which otherwise decides the sign of rare n-grams. The
 * average is kept with the usual trick (w minus a step-weighted sum of the
 * updates over the step count), so each update stays sparse.
 * @returns the averaged weights and bias.
 */
export function trainLogistic(samples: readonly Sample[], options: TrainingOptions):
  TrainedWeights {
  const size = 1 << BUCKET_BITS;
  const weights = new Float64Array(size);
  const lagged = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasLagged = 0;
  let biasSquares = 1e-8;
  const random = seededRandom(options.seed);
  const order = samples.map((_, i) => i);
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const sample = samples[index] as Sample;
      let logit = bias;
      for (let k = 0; k < sample.buckets.length; k += 1) {
        logit += (weights[sample.buckets[k] as number] as number) * (sample.values[k] as number);
      }
      const error = (1 / (1 + Math.exp(-logit)) - sample.label) * sample.weight;

      for (let k = 0; k < sample.buckets.length; k += 1) {
        const bucket = sample.buckets[k] as number;
        const w = weights[bucket] as number;
        const gradient = error * (sample.values[k] as number) + options.l2 * w;
        squares[bucket] = (squares[bucket] as number) + gradient * gradient;
        const delta = -(options.learningRate * gradient) / Math.sqrt(squares[bucket] as number);
        weights[bucket] = w + delta;
        lagged[bucket] = (lagged[bucket] as number) + step * delta;
      }
      biasSquares += error * error;
      const biasDelta = -(options.learningRate * error) / Math.sqrt(biasSquares);
      bias += biasDelta;
      biasLagged += step * biasDelta;
      step += 1;
    }
  }

  const averaged = new Float32Array(size);
  for (let i = 0; i < size; i += 1) {
    averaged[i] = (weights[i] as number) - (lagged[i] as number) / Math.max(step, 1);
  }
  return { weights: averaged, bias: bias - biasLagged / Math.max(step, 1) };
}
