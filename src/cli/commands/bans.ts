import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { checkFormat, renderTable } from '../output/render.js';
import { withStorage } from './keys.js';

/** `tokenwarden bans list|lift`. */
export function registerBansCommand(program: Command): void {
  const bans = program.command('bans')
    .description('addresses banned after repeated authentication failures');

  bans.command('list')
    .description('bans, active ones first')
    .option('--all', 'include bans that have ended')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { all?: boolean; format: string }) => {
      const format = checkFormat(options.format, ['table', 'json'] as const);
      const now = new Date();
      const rows = (await withStorage(program, (storage) => storage.bans.list()))
        .filter((ban) => options.all || ban.until > now)
        .map((ban) => ({
          address: ban.address, active: ban.until > now, until: ban.until.toISOString(),
          offences: ban.offences, reason: ban.reason, banned_at: ban.bannedAt.toISOString(),
        }));
      if (format === 'json') console.log(JSON.stringify({ bans: rows }));
      else console.log(renderTable(['address', 'until', 'offences', 'reason'], rows));
    });

  bans.command('lift')
    .description('end an active ban now (its offence count is kept)')
    .argument('<address>', 'the banned address')
    .action(async (address: string) => {
      const lifted = await withStorage(program, (storage) => storage.bans.lift(address,
        new Date()));
      if (!lifted) throw new TokenwardenError('ban_not_found', `No active ban for ${address}`);
      console.log(`Lifted the ban on ${address}`);
    });
}
