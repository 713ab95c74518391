import type { Command } from 'commander';
import { eraseUser } from '../../ledger/content/erase-user.js';
import { checkFormat } from '../output/render.js';
import { printJson, withLedger } from './ledger-session.js';

/** `tokenwarden erase --user NAME`: crypto-shredding of one person's ledger content. */
export function registerEraseCommand(program: Command): void {
  program.command('erase')
    .description("destroy a user's data key: their prompts and answers become unreadable, "
      + 'every proof still verifies')
    .requiredOption('--user <name>', 'the user whose content is erased')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { user: string; format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      const result = await withLedger(program, (ledger) => eraseUser(ledger, options.user));
      if (format === 'json') printJson(result);
      else console.log(`${result.keys_destroyed} data keys of ${result.user} destroyed; `
        + `${result.entries_affected} entries are now unreadable`);
    });
}
