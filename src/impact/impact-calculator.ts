import type { ProviderConfig } from '../config/schema.js';
import type { Footprint } from '../metering/request-record.js';
import { dataCentreFor, type DataCentre } from './data-centres.js';
import { computeFootprint } from './footprint.js';
import { loadGridZones, type GridZone } from './grid-intensity.js';
import { ModelSizes } from './model-sizes.js';

/** Computes each request's footprint from the shipped tables and the provider. */
export class ImpactCalculator {
  readonly #sizes: ModelSizes;
  readonly #zones: Map<string, GridZone>;
  readonly #centres = new Map<string, DataCentre>();

  constructor(providers: readonly ProviderConfig[]) {
    this.#sizes = new ModelSizes();
    this.#zones = loadGridZones();
    for (const provider of providers) {
      this.#centres.set(provider.name, dataCentreFor({
        baseUrl: provider.base_url, region: provider.region, pue: provider.pue,
        wue: provider.wue,
      }));
    }
  }

  /** The footprint, or null when the model's size is unknown. */
  footprint(provider: string, model: string, outputTokens: number,
    latencySeconds: number): Footprint | null {
    const size = this.#sizes.lookup(model);
    const dataCentre = this.#centres.get(provider);
    if (!size || !dataCentre) return null;
    const grid = this.#zones.get(dataCentre.region) ?? this.#zones.get('WOR');
    if (!grid) return null;
    return computeFootprint({ size, outputTokens, latencySeconds, dataCentre, grid });
  }
}
