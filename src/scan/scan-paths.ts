import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import type { Finding } from './finding.js';
import { IgnoreRules, toPosix } from './ignore-rules.js';
import type { InjectionDetector } from './prompt-check.js';
import { type ReadResult, TextFileReader } from './read-text-file.js';
import { scanText } from './scan-text.js';
import { emptyStats, type ProgressListener, type ScanStats } from './scan-stats.js';
import { walkFiles } from './walk-files.js';

/** Files above this size are skipped unless the caller says otherwise (10 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Options of {@link scanPaths}. */
export interface ScanPathsOptions {
  /** Folder that finding paths are relative to; default the working folder. */
  cwd?: string;
  /** Default {@link DEFAULT_MAX_FILE_BYTES}. */
  maxFileBytes?: number;
  injection?: InjectionDetector;
  onProgress?: ProgressListener;
}

/** Files between two progress reports. */
const PROGRESS_EVERY = 200;

/**
 * Scans files and folders for credentials (and prompt injection in
 * prompt-like files). Skips binary files, files over the size cap, `.git`
 * and whatever `.tokenwardenignore` lists (in the working folder and in each
 * folder given).
 * @throws TokenwardenError `scan_path_not_found` when a path does not exist.
 */
export function scanPaths(
  paths: readonly string[],
  options: ScanPathsOptions = {},
): { findings: Finding[]; stats: ScanStats } {
  const cwd = resolve(options.cwd ?? process.cwd());
  const roots = paths.map((path) => resolve(cwd, path));
  const rules = new IgnoreRules([cwd, ...roots]);
  const reader = new TextFileReader(options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const stats = emptyStats();
  const findings: Finding[] = [];

  checkScanPaths(paths, cwd);
  for (const file of walkFiles(roots, rules)) {
    const result = readOrSkip(reader, file);
    stats.files++;
    if (!result) stats.unreadable++;
    else if (result.kind === 'binary') stats.skippedBinary++;
    else if (result.kind === 'too-large') stats.skippedLarge++;
    else {
      stats.bytes += result.bytes;
      const path = displayPath(cwd, file);
      findings.push(...scanText({ path, text: result.text }, { injection: options.injection }));
    }
    if (options.onProgress && stats.files % PROGRESS_EVERY === 0) options.onProgress(stats);
  }
  return { findings, stats };
}

/**
 * Stops a scan before it starts when a path given does not exist.
 * @throws TokenwardenError `scan_path_not_found` naming the path as given.
 */
export function checkScanPaths(paths: readonly string[], cwd = process.cwd()): void {
  for (const path of paths) {
    if (!existsSync(resolve(cwd, path))) {
      throw new TokenwardenError('scan_path_not_found',
        `Cannot scan: no such file or folder: ${path}`);
    }
  }
}

/** Reads one file; a file that vanished or cannot be read counts as unreadable. */
function readOrSkip(reader: TextFileReader, file: string): ReadResult | undefined {
  try {
    return reader.read(file);
  } catch {
    return undefined;
  }
}

/** Path relative to `cwd` with forward slashes (absolute when outside it). */
export function displayPath(cwd: string, file: string): string {
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  return toPosix(file.startsWith(prefix) ? file.slice(prefix.length) : file);
}
