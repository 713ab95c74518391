import type { Command } from 'commander';
import { BudgetTracker } from '../../budgets/budget-tracker.js';
import { loadConfig } from '../../config/load.js';
import { parseUsageQuery } from '../../metering/usage-query.js';
import { openStorage } from '../../storage/open-storage.js';
import { checkFormat, renderCsv, renderTable } from '../output/render.js';

const COLUMNS = ['group', 'requests', 'input_tokens', 'cached_tokens', 'cache_write_tokens',
  'output_tokens', 'reasoning_tokens', 'cost_usd', 'energy_wh', 'co2e_g', 'water_ml',
  'estimated_requests'] as const;

const BUDGET_COLUMNS = ['budget_id', 'subject', 'period', 'mode', 'tokens_limit', 'usd_limit',
  'spent_tokens', 'spent_usd', 'remaining_tokens', 'remaining_usd', 'resets_at'] as const;

/** `tokenwarden usage`: tokens, cost, energy, carbon and water per group. */
export function registerUsageCommand(program: Command): void {
  program.command('usage')
    .description('tokens, cost, energy, carbon and water, grouped')
    .option('--by <grouping>', 'user, department, agent or model', 'user')
    .option('--since <date>', 'start: 2026-11-01, an ISO time, or 7d back')
    .option('--until <date>', 'end (exclusive), same forms')
    .option('--budgets', 'show budgets in their current period instead')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (options: { by: string; since?: string; until?: string; budgets?: boolean;
      format: string }) => {
      const format = checkFormat(options.format, ['table', 'json', 'csv'] as const);
      const query = parseUsageQuery(options);
      const { config, dataDir } = loadConfig(program.opts<{ config: string }>().config);
      const storage = openStorage(config, dataDir);
      try {
        if (options.budgets) {
          const tracker = new BudgetTracker({
            store: storage.budgets, settings: config.budget_settings, budgets: config.budgets,
            alert: () => undefined,
          });
          await tracker.refresh();
          const rows = await tracker.status();
          if (format === 'json') console.log(JSON.stringify({ budgets: rows }));
          else if (format === 'csv') console.log(renderCsv(BUDGET_COLUMNS, rows));
          else console.log(renderTable(BUDGET_COLUMNS, rows));
          return;
        }
        const rows = await storage.requests.summarize(query);
        if (format === 'json') console.log(JSON.stringify({ by: query.by, rows }));
        else if (format === 'csv') console.log(renderCsv(COLUMNS, rows));
        else console.log(renderTable(COLUMNS, rows));
      } finally {
        await storage.close();
      }
    });
}
