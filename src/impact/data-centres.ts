/** Where a provider runs its models, as the footprint formula needs it. */
export interface DataCentre {
  /** Power usage effectiveness, as a range when the provider's is not known exactly. */
  pue: { low: number; high: number };
  /** On-site water use, litres per kWh. */
  wue: number;
  /** Grid zone, ISO-3 or WOR. */
  region: string;
}

/**
 * Published figures per provider, as EcoLogits uses them. Anthropic states no
 * water figure; its models run on AWS and Google Cloud, whose PUEs bound its
 * range, so Google's on-site water use stands in.
 */
const KNOWN: Record<string, DataCentre> = {
  openai: { pue: { low: 1.2, high: 1.2 }, wue: 0.569, region: 'USA' },
  anthropic: { pue: { low: 1.09, high: 1.14 }, wue: 0.999, region: 'USA' },
  google: { pue: { low: 1.09, high: 1.09 }, wue: 0.999, region: 'USA' },
  mistral: { pue: { low: 1.16, high: 1.16 }, wue: 0.09, region: 'SWE' },
};

/**
 * For a server of one's own with nothing configured: the world grid and the
 * survey-average PUE of enterprise data centres, no on-site water.
 */
const UNKNOWN: DataCentre = { pue: { low: 1.56, high: 1.56 }, wue: 0, region: 'WOR' };

/** Picks the data centre for a provider from its base URL and configuration. */
export function dataCentreFor(options: {
  baseUrl: string;
  region?: string | undefined;
  pue?: number | undefined;
  wue?: number | undefined;
}): DataCentre {
  const host = new URL(options.baseUrl).hostname;
  const known = host.endsWith('api.openai.com') || host.endsWith('openai.azure.com')
    ? KNOWN.openai
    : host.endsWith('anthropic.com') ? KNOWN.anthropic
      : host.endsWith('googleapis.com') ? KNOWN.google
        : host.endsWith('mistral.ai') ? KNOWN.mistral : undefined;
  const base = known ?? UNKNOWN;
  return {
    pue: options.pue === undefined ? base.pue : { low: options.pue, high: options.pue },
    wue: options.wue ?? base.wue,
    region: options.region ?? base.region,
  };
}
