import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { readBaseline, writeBaseline } from '../../scan/baseline.js';
import type { Finding } from '../../scan/finding.js';
import { formatJson } from '../../scan/format-json.js';
import { formatSarif } from '../../scan/format-sarif.js';
import { formatText } from '../../scan/format-text.js';
import { type InjectionDetector, injectionDetector } from '../../scan/prompt-check.js';
import { scanGit } from '../../scan/scan-git.js';
import { checkScanPaths, DEFAULT_MAX_FILE_BYTES, scanPaths } from '../../scan/scan-paths.js';
import type { ScanStats } from '../../scan/scan-stats.js';
import { PACKAGE_VERSION } from '../version.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface ScanFlags {
  format: string;
  output?: string;
  baseline?: string;
  writeBaseline?: string;
  git?: boolean;
  staged?: boolean;
  maxFileSize: string;
  promptCheck: boolean;
}

/** Adds `tokenwarden scan`: credentials and prompt injection in files or git history. */
export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('find credentials and prompt-injection text in files or git history')
    .argument('[paths...]', 'files and folders to scan (with --git: the repository)', ['.'])
    .option('-f, --format <format>', 'text, json or sarif', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--baseline <file>', 'leave out findings accepted in this baseline')
    .option('--write-baseline <file>', 'accept every current finding into this baseline')
    .option('--git', 'scan the lines each commit added (git log -p)')
    .option('--staged', 'scan the staged changes (git diff --cached)')
    .option('--max-file-size <mib>', 'skip files larger than this many MiB', String(
      DEFAULT_MAX_FILE_BYTES / 1024 / 1024))
    .option('--no-prompt-check', 'skip the prompt-injection check on prompt-like files')
    .addHelpText('after', '\nExit codes: 0 no findings, 1 findings, 2 error.')
    .action(async (paths: string[], flags: ScanFlags) => {
      await runScan(paths, flags);
    });
}

async function runScan(paths: string[], flags: ScanFlags): Promise<void> {
  const format = parseFormat(flags.format);
  const maxFileBytes = parseSize(flags.maxFileSize);
  const history = flags.git === true || flags.staged === true;
  if (!history) checkScanPaths(paths);
  const accepted = flags.baseline ? readBaseline(flags.baseline) : new Set<string>();
  const injection = flags.promptCheck ? loadDetector() : undefined;
  const progress = progressLine();

  const { findings: all, stats } = history
    ? await scanGit({
      cwd: resolve(paths[0] ?? '.'),
      mode: flags.staged ? 'staged' : 'history',
      injection,
      onProgress: progress.update,
    })
    : scanPaths(paths, { maxFileBytes, injection, onProgress: progress.update });
  progress.clear();

  if (flags.writeBaseline) {
    writeBaseline(flags.writeBaseline, all);
    console.error(`tokenwarden: accepted ${all.length} findings into ${flags.writeBaseline}`);
    return;
  }

  const findings = all.filter((finding) => !accepted.has(finding.fingerprint));
  const report = render(format, findings, stats);
  if (flags.output) writeFileSync(flags.output, report);
  else process.stdout.write(report);

  if (findings.length > 0) process.exitCode = 1;
}

/**
 * The injection detector, or undefined with a warning when it cannot run:
 * a broken model must not stop the credential scan.
 */
function loadDetector(): InjectionDetector | undefined {
  try {
    return injectionDetector();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`tokenwarden: prompt-injection check is off: ${reason}`);
    return undefined;
  }
}

function render(format: Format, findings: Finding[], stats: ScanStats): string {
  if (format === 'json') return formatJson(findings, stats);
  if (format === 'sarif') return formatSarif(findings, PACKAGE_VERSION);
  return formatText(findings, stats);
}

function parseFormat(value: string): Format {
  const format = FORMATS.find((name) => name === value);
  if (!format) {
    throw new TokenwardenError('usage_error',
      `Cannot scan: --format must be one of ${FORMATS.join(', ')}: got '${value}'`);
  }
  return format;
}

function parseSize(value: string): number {
  const mib = Number(value);
  if (!Number.isFinite(mib) || mib <= 0) {
    throw new TokenwardenError('usage_error',
      `Cannot scan: --max-file-size must be a positive number of MiB: got '${value}'`);
  }
  return Math.round(mib * 1024 * 1024);
}

/** A progress line on standard error, drawn only when it is a terminal. */
function progressLine(): { update: (stats: ScanStats) => void; clear: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, clear: () => undefined };
  let drawn = false;
  return {
    update: (stats) => {
      const megabytes = (stats.bytes / 1e6).toFixed(1);
      const scope = stats.commits > 0 ? `${stats.commits} commits, ` : '';
      process.stderr.write(`\rscanning: ${scope}${stats.files} files, ${megabytes} MB`);
      drawn = true;
    },
    clear: () => {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
