import type { FastifyInstance } from 'fastify';
import type { LoadedConfig } from '../config/load.js';
import { ImpactCalculator } from '../impact/impact-calculator.js';
import { Metering } from '../metering/metering.js';
import { FailureLog } from '../observability/failure-log.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { GatewayMetrics } from '../observability/metrics.js';
import { PriceBook } from '../pricing/price-book.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { UpstreamClient } from '../providers/upstream-client.js';
import { openStorage } from '../storage/open-storage.js';
import type { RetryEvent } from '../storage/sqlite/sqlite-writer.js';
import { AlertSink } from '../alerts/alert-sink.js';
import { BanList } from '../bans/ban-list.js';
import { BudgetTracker } from '../budgets/budget-tracker.js';
import { MemoryGcraStore } from '../limits/gcra.js';
import { RateLimiter } from '../limits/rate-limiter.js';
import { Guardrails } from '../guardrails/guardrails.js';
import { Ledger } from '../ledger/ledger.js';
import { Admission } from './admission.js';
import { buildServer } from './build-server.js';
import type { GatewayContext } from './gateway-context.js';

const BUDGET_REFRESH_MS = 2_000;

export interface StartOptions {
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
}

/** A running gateway and how to stop it. */
export interface RunningGateway {
  app: FastifyInstance;
  context: GatewayContext;
  /** The address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

function splitListen(listen: string): { host: string; port: number } {
  const index = listen.lastIndexOf(':');
  return {
    host: listen.slice(0, index).replace(/^\[(.*)\]$/, '$1'),
    port: Number(listen.slice(index + 1)),
  };
}

/** Wires storage, routing, metering and the HTTP server, and listens. */
export async function startGateway(loaded: LoadedConfig, options: StartOptions = {}):
  Promise<RunningGateway> {
  const { config, dataDir } = loaded;
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger({ level: config.log_level });
  const checkpointFailures = new FailureLog(logger, 'database WAL checkpoint failed');
  const storage = openStorage(config, dataDir, {
    onCheckpointError: (message) => checkpointFailures.failed({ message }),
    onWriteRetry: (event) => logWriteRetry(logger, event),
  });
  const metrics = new GatewayMetrics();
  const upstream = new UpstreamClient(config.providers, env);
  const prices = new PriceBook(config.providers, config.prices);
  const alerts = new AlertSink(config.alerts, logger);
  const bans = new BanList(config.bans, storage.bans);
  const budgets = new BudgetTracker({
    store: storage.budgets, settings: config.budget_settings, budgets: config.budgets,
    alert: (alert) => alerts.emit(alert),
  });
  await Promise.all([bans.load(), budgets.refresh()]);
  const ledger = await Ledger.open({ dataDir, config: config.ledger, logger });
  metrics.watchUnwritten('database', () => storage.unwritten());
  metrics.watchUnwritten('ledger', () => ledger.unwritten);

  const context: GatewayContext = {
    config, storage, metrics, upstream, logger,
    router: new ProviderRouter(config.providers),
    metering: new Metering({
      requests: storage.requests, metrics, prices,
      impact: new ImpactCalculator(config.providers),
    }),
    guardrails: new Guardrails(config.guardrails),
    ledger,
    admission: new Admission({
      bans, budgets, alerts, prices, settings: config.budget_settings,
      limiter: new RateLimiter(config.limits, new MemoryGcraStore()),
    }),
  };

  // Budgets added from another process (keys create --daily-tokens) appear here.
  const refresh = setInterval(() => {
    budgets.refresh().catch((error: unknown) => logger.error({ err: error },
      'stored budgets not refreshed'));
  }, BUDGET_REFRESH_MS);
  refresh.unref();

  const app = buildServer(context, { adminToken: env.TOKENWARDEN_ADMIN_TOKEN });
  const { host, port } = splitListen(config.listen);
  const url = await app.listen({ host, port });
  for (const name of upstream.missingKeys()) {
    logger.warn({ provider: name }, 'provider key variable is not set');
  }
  logger.info({ url, data_dir: dataDir, config: loaded.path ?? '(defaults)' },
    'tokenwarden listening');

  return {
    app, context, url,
    async close() {
      clearInterval(refresh);
      await app.close();
      await alerts.drain();
      await ledger.close();
      await upstream.close();
      await storage.close();
      logger.flush();
    },
  };
}

/**
 * Writes the database could not take are kept and retried (see
 * `SqliteWriter`); the log says when that starts and ends, and holds every
 * write given up on, so that nothing is lost without a trace.
 */
function logWriteRetry(logger: Logger, event: RetryEvent): void {
  switch (event.kind) {
    case 'waiting':
      logger.error({ ops: event.ops, reason: event.error },
        'database cannot take writes: keeping them and trying again every second');
      return;
    case 'written':
      logger.warn({ ops: event.ops }, 'kept writes are now in the database');
      return;
    case 'dropped':
      logger.error({ unwritten: event.ops, reason: event.error },
        'writes given up on: they are only in this log');
      return;
  }
}
