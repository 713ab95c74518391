/** Counters of one scan, for progress lines, the summary and benchmarks. */
export interface ScanStats {
  files: number;
  bytes: number;
  skippedBinary: number;
  skippedLarge: number;
  /** Files that vanished or could not be read during the scan. */
  unreadable: number;
  /** Commits read (history scans only). */
  commits: number;
}

/** Fresh counters at zero. */
export function emptyStats(): ScanStats {
  return { files: 0, bytes: 0, skippedBinary: 0, skippedLarge: 0, unreadable: 0, commits: 0 };
}

/** Called now and then while a scan runs (the CLI draws progress with it). */
export type ProgressListener = (stats: Readonly<ScanStats>) => void;
