import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { DiffCollector } from './diff-collector.js';
import type { Finding } from './finding.js';
import { IgnoreRules } from './ignore-rules.js';
import type { InjectionDetector } from './prompt-check.js';
import { scanText, type TextSource } from './scan-text.js';
import { emptyStats, type ProgressListener, type ScanStats } from './scan-stats.js';

/** Options of {@link scanGit}. */
export interface ScanGitOptions {
  /** Folder inside the repository; default the working folder. */
  cwd?: string;
  /** `history`: lines each commit added (`git log -p`); `staged`: `git diff --cached`. */
  mode: 'history' | 'staged';
  /** Extra revision arguments for history, e.g. `['main..HEAD']`; default HEAD. */
  revisions?: readonly string[];
  injection?: InjectionDetector;
  onProgress?: ProgressListener;
}

/** Diff options shared by both modes: no context, no colour, no external tools. */
const DIFF_FLAGS = ['-U0', '--no-color', '--no-ext-diff', '--no-textconv'];

/**
 * Scans the lines added in git history or in the staged changes. The
 * output of git is read as a stream, so long histories use little memory.
 * @throws TokenwardenError `scan_git_failed` when git cannot run or fails.
 */
export async function scanGit(
  options: ScanGitOptions,
): Promise<{ findings: Finding[]; stats: ScanStats }> {
  const cwd = options.cwd ?? process.cwd();
  const rules = new IgnoreRules([cwd]);
  const stats = emptyStats();
  const findings: Finding[] = [];

  const collector = new DiffCollector((source: TextSource) => {
    if (rules.ignoresRelative(source.path)) return;
    stats.files++;
    stats.bytes += source.text.length;
    findings.push(...scanText(source, { injection: options.injection }));
  });

  const args = options.mode === 'staged'
    ? ['diff', '--cached', ...DIFF_FLAGS]
    : ['log', '-p', ...DIFF_FLAGS, '--format=%x1ecommit%x1f%H%x1f%an <%ae>%x1f%aI',
      ...(options.revisions ?? [])];
  await runGit(['-c', 'core.quotePath=false', ...args], cwd, (line) => {
    if (line.startsWith('\x1ecommit')) {
      stats.commits++;
      if (options.onProgress && stats.commits % 100 === 0) options.onProgress(stats);
    }
    collector.push(line);
  });
  collector.end();
  return { findings, stats };
}

/** Runs git and feeds its standard output to `onLine`, one line at a time. */
async function runGit(args: string[], cwd: string, onLine: (line: string) => void) {
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });

  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // Awaited below; this stops a spawn error from counting as unhandled meanwhile.
  exited.catch(() => undefined);

  try {
    const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
    for await (const line of lines) onLine(line);
    const code = await exited;
    if (code !== 0) {
      const reason = stderr.trim().split('\n').pop() ?? `exit code ${code}`;
      throw new TokenwardenError('scan_git_failed', `Cannot scan git: ${reason}`);
    }
  } catch (error) {
    if (error instanceof TokenwardenError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenwardenError('scan_git_failed', `Cannot run git: ${reason}`, { cause: error });
  }
}
