/** Runs the built command line (`npm run build` first) and captures its result. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(REPO_ROOT, 'bin', 'tokenwarden.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** True when `dist/` has been built, which the CLI needs. */
export function cliBuilt(): boolean {
  return existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'));
}

/** Runs `node bin/tokenwarden.js ...args` in `cwd`. */
export function runCli(args: readonly string[], cwd: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
