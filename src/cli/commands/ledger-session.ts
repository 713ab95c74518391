import type { Command } from 'commander';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { Ledger } from '../../ledger/ledger.js';
import type { ProgressFn } from '../../ledger/verify/verify-ledger.js';

/**
 * Opens the ledger named by the configuration for one command (no
 * background timers), runs `work` and closes it. Safe beside a running
 * `serve`: SQLite serialises the writers, and the sequencer reads the tree
 * inside its write transaction.
 */
export async function withLedger<T>(program: Command,
  work: (ledger: Ledger, loaded: LoadedConfig) => Promise<T>): Promise<T> {
  const loaded = loadConfig(program.opts<{ config: string }>().config);
  const ledger = await Ledger.open({
    dataDir: loaded.dataDir, config: loaded.config.ledger, background: false,
  });
  try {
    return await work(ledger, loaded);
  } finally {
    await ledger.close();
  }
}

/** A progress line on standard error, only when it is a terminal. */
export function terminalProgress(label: string): ProgressFn | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - shown < 200 && done < total) return;
    shown = now;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(`\r${label}: ${done.toLocaleString('en-US')} / `
      + `${total.toLocaleString('en-US')} (${percent}%)`);
    if (done >= total) process.stderr.write('\n');
  };
}

/** Prints one JSON document on standard output. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
