/**
 * JSON read back in tests. The assertions that follow check its shape, so
 * typing every answer body up front would only repeat them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shapes are asserted, not assumed
export type LooseJson = any;
