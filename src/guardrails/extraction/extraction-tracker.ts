import { popcount, simHash } from './simhash.js';

/** Limits of the tracker; memory is at most maxKeys x perKey x 16 bytes. */
export interface ExtractionTrackerOptions {
  readonly maxKeys: number;
  /** Prompts remembered per key (a ring). */
  readonly perKey: number;
}

interface KeyHistory {
  readonly high: Uint32Array;
  readonly low: Uint32Array;
  readonly times: Float64Array;
  next: number;
}

/**
 * Remembers SimHashes of recent prompts per key and counts near-duplicates:
 * many near-identical prompts in a short time are the pattern of model
 * inversion and extraction by repetition. Keys are evicted least recently
 * used first, so memory is bounded whatever the number of keys.
 */
export class ExtractionTracker {
  readonly #options: ExtractionTrackerOptions;
  readonly #keys = new Map<string, KeyHistory>();

  constructor(options: ExtractionTrackerOptions) {
    this.#options = options;
  }

  /**
   * Records one prompt of `key` at time `now` (ms).
   * @returns how many earlier prompts of that key within `window` ms are
   *   near-duplicates of it (at most `distance` bits apart).
   */
  record(key: string, prompt: string, now: number,
    match: { window: number; distance: number }): number {
    const history = this.#historyOf(key);
    const hash = simHash(prompt);
    let near = 0;

    for (let i = 0; i < history.times.length; i += 1) {
      const time = history.times[i] as number;
      if (time === 0 || now - time > match.window) continue;
      const bits = popcount((hash.high ^ (history.high[i] as number)) >>> 0)
        + popcount((hash.low ^ (history.low[i] as number)) >>> 0);
      if (bits <= match.distance) near += 1;
    }

    const slot = history.next;
    history.high[slot] = hash.high;
    history.low[slot] = hash.low;
    history.times[slot] = now;
    history.next = (slot + 1) % history.times.length;
    return near;
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#keys.size;
  }

  #historyOf(key: string): KeyHistory {
    let history = this.#keys.get(key);
    if (history) {
      // Re-insert so Map order is least recently used first.
      this.#keys.delete(key);
    } else {
      const size = this.#options.perKey;
      history = { high: new Uint32Array(size), low: new Uint32Array(size),
        times: new Float64Array(size), next: 0 };
      if (this.#keys.size >= this.#options.maxKeys) {
        const oldest = this.#keys.keys().next().value;
        if (oldest !== undefined) this.#keys.delete(oldest);
      }
    }
    this.#keys.set(key, history);
    return history;
  }
}
