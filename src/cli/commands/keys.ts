import type { Command } from 'commander';
import { parseDuration } from '../../config/duration.js';
import { loadConfig } from '../../config/load.js';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { createBudget } from '../../budgets/create-budget.js';
import { identityName } from '../../identity/identity-fields.js';
import { describeKey, issueKey } from '../../identity/issue-key.js';
import { openStorage } from '../../storage/open-storage.js';
import type { Storage } from '../../storage/storage.js';
import { checkFormat, renderTable } from '../output/render.js';

/** Opens the configured storage for one piece of work, and closes it. */
export async function withStorage<T>(program: Command, work: (storage: Storage) => Promise<T>):
  Promise<T> {
  const { config, dataDir } = loadConfig(program.opts<{ config: string }>().config);
  const storage = openStorage(config, dataDir);
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

function positiveInteger(value: string, field: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new TokenwardenError('usage_error',
      `'--${field}' must be a positive whole number: got "${value}"`);
  }
  return number;
}

function name(value: string, field: string): string {
  const parsed = identityName.safeParse(value);
  if (!parsed.success) {
    throw new TokenwardenError('usage_error', `'--${field}' ${
      parsed.error.issues[0]?.message ?? 'is invalid'}: got "${value}"`);
  }
  return parsed.data;
}

/** `tokenwarden keys create|list|revoke`. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('issue, list and revoke gateway keys');

  keys.command('create')
    .description('print a new key once; only its hash is stored')
    .requiredOption('--user <name>', 'person the key belongs to')
    .requiredOption('--department <name>', 'department charged for its use')
    .option('--agent <name>', 'AI agent that uses the key')
    .option('--expires <duration>', 'lifetime, e.g. 90d or 12h')
    .option('--daily-tokens <n>', 'a hard daily token budget for this key')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { user: string; department: string; agent?: string;
      expires?: string; dailyTokens?: string; format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      const expiresInMs = options.expires === undefined ? undefined
        : parseDuration(options.expires);
      if (options.expires !== undefined && !expiresInMs) {
        throw new TokenwardenError('usage_error',
          `'--expires' must be a duration like 90d or 12h: got "${options.expires}"`);
      }
      const dailyTokens = options.dailyTokens === undefined ? undefined
        : positiveInteger(options.dailyTokens, 'daily-tokens');
      const { record, key } = await withStorage(program, async (storage) => {
        const issued = await issueKey(storage.keys, {
          user: name(options.user, 'user'), department: name(options.department, 'department'),
          agent: options.agent === undefined ? undefined : name(options.agent, 'agent'),
          expiresInMs,
        });
        if (dailyTokens !== undefined) {
          await createBudget(storage.budgets, {
            scope: { kind: 'key', name: issued.record.id }, period: 'day', tokens: dailyTokens,
            mode: 'hard',
          });
        }
        return issued;
      });
      if (format === 'json') {
        console.log(JSON.stringify({ ...describeKey(record), key,
          daily_tokens: dailyTokens ?? null }));
        return;
      }
      console.log(key);
      console.error(`Key ${record.id} for ${record.user} (${record.department}). `
        + 'Store it now: it is not shown again.');
    });

  keys.command('list')
    .description('list keys (never the keys themselves)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { format: string }) => {
      const format = checkFormat(options.format, ['table', 'json'] as const);
      const rows = (await withStorage(program, (storage) => storage.keys.list()))
        .map((record) => describeKey(record));
      if (format === 'json') console.log(JSON.stringify({ keys: rows }));
      else console.log(renderTable(['id', 'prefix', 'user', 'department', 'agent', 'state',
        'created_at', 'expires_at'], rows));
    });

  keys.command('revoke')
    .description('revoke a key; requests with it get 401 from then on')
    .argument('<key-id>', 'the key id shown by create and list')
    .option('--format <format>', 'text or json', 'text')
    .action(async (id: string, options: { format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      const record = await withStorage(program, (storage) => storage.keys.revoke(id, new Date()));
      if (!record) throw new TokenwardenError('key_not_found', `No key has id ${id}`);
      if (format === 'json') console.log(JSON.stringify(describeKey(record)));
      else console.log(`Revoked ${record.id} (${record.user}, ${record.department})`);
    });
}
