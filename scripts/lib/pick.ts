/** A source of numbers in [0, 1): a seeded generator, so training is reproducible. */
export type Random = () => number;

/** One element of `list`, drawn with `random`. */
export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}
