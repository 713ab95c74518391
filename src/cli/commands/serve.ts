import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { startGateway } from '../../gateway/start-gateway.js';

/** `tokenwarden serve`: runs the gateway until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command): void {
  program.command('serve')
    .description('run the gateway (default 127.0.0.1:8080, SQLite under ./tokenwarden-data)')
    .action(async () => {
      const loaded = loadConfig(program.opts<{ config: string }>().config);
      if (!loaded.path) {
        console.error('tokenwarden: no tokenwarden.yaml found: starting on defaults');
      }
      const gateway = await startGateway(loaded);
      let closing = false;
      const stop = (signal: string) => {
        if (closing) return;
        closing = true;
        gateway.context.logger.info({ signal }, 'shutting down');
        void gateway.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
