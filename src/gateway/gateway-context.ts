import type { Config } from '../config/schema.js';
import type { Guardrails } from '../guardrails/guardrails.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Metering } from '../metering/metering.js';
import type { Logger } from '../observability/logger.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { ProviderRouter } from '../providers/provider-router.js';
import type { UpstreamClient } from '../providers/upstream-client.js';
import type { Storage } from '../storage/storage.js';
import type { Admission } from './admission.js';

/** Everything a request handler needs, built once at start. */
export interface GatewayContext {
  config: Config;
  storage: Storage;
  router: ProviderRouter;
  upstream: UpstreamClient;
  metering: Metering;
  admission: Admission;
  guardrails: Guardrails;
  ledger: Ledger;
  metrics: GatewayMetrics;
  logger: Logger;
}
