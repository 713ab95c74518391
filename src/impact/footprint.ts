import type { Footprint, Range } from '../metering/request-record.js';
import type { DataCentre } from './data-centres.js';
import type { GridZone } from './grid-intensity.js';
import type { ModelSize } from './model-sizes.js';

// EcoLogits' fit of GPU energy per output token against active parameters
// (billions) at a batch of 64 requests.
const ALPHA = 1.1665273170451914e-06;
const BETA = -0.011205921025579175;
const GAMMA = 4.052928146734005e-05;
const BATCH = 64;
const GPU_MEMORY_GB = 80;
const BYTES_PER_PARAMETER = 2; // 16-bit weights
const MEMORY_OVERHEAD = 1.2;
const SERVER_KW = 1.2; // an 8-GPU server without its GPUs
const GPUS_PER_SERVER = 8;

export interface FootprintInput {
  size: ModelSize;
  outputTokens: number;
  /** Measured request time in seconds, which caps the modelled generation time. */
  latencySeconds: number;
  dataCentre: DataCentre;
  grid: GridZone;
}

/** Cards needed to hold the weights, rounded up to a power of two. */
export function gpuCount(totalBillions: number): number {
  const cards = Math.ceil(MEMORY_OVERHEAD * totalBillions * BYTES_PER_PARAMETER / GPU_MEMORY_GB);
  return 2 ** Math.ceil(Math.log2(Math.max(cards, 1)));
}

function energyWh(input: FootprintInput, active: number, total: number, pue: number): number {
  const gpus = gpuCount(total);
  const perTokenWh = ALPHA * Math.exp(BETA * BATCH) * active + GAMMA;
  const gpuWh = input.outputTokens * perTokenWh;

  const { tps, ttft } = input.size;
  const modelled = tps ? (ttft ?? 0) + input.outputTokens / tps : input.latencySeconds;
  const seconds = Math.min(modelled, input.latencySeconds);
  const serverWh = (seconds / 3600) * SERVER_KW * 1000 * (gpus / GPUS_PER_SERVER) / BATCH;

  return pue * (serverWh + gpus * gpuWh);
}

function middle(low: number, high: number): Range {
  return { low, high, mid: (low + high) / 2 };
}

/**
 * Energy, carbon and water of one request by the EcoLogits method: GPU energy
 * from output tokens and active parameters, server energy from generation
 * time, both scaled by PUE; carbon and water from the grid zone. Closed
 * models have parameter ranges, so every figure is a range.
 */
export function computeFootprint(input: FootprintInput): Footprint {
  const { size, dataCentre, grid } = input;
  const low = energyWh(input, size.active.low, size.total.low, dataCentre.pue.low);
  const high = energyWh(input, size.active.high, size.total.high, dataCentre.pue.high);
  const energy = middle(low, high);

  // Wh x kg/kWh = g; Wh x L/kWh = mL.
  const co2 = (wh: number) => wh * grid.gwpKgPerKwh;
  const water = (wh: number, pue: number) => wh * (dataCentre.wue + pue * grid.wueLitresPerKwh);

  return {
    energyWh: energy,
    co2eG: middle(co2(low), co2(high)),
    waterMl: middle(water(low, dataCentre.pue.low), water(high, dataCentre.pue.high)),
    region: dataCentre.region,
  };
}
