import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes looked at for a NUL byte, the sign of a binary file (as git does). */
const BINARY_PROBE_BYTES = 8192;

/** What reading one file gave: its text, or why it was skipped (with its size). */
export type ReadResult =
  | {
    kind: 'text';
    text: string;
    bytes: number;
  }
  | { kind: 'binary'; bytes: number }
  | { kind: 'too-large'; bytes: number };

/**
 * Reads a file as UTF-8 text unless it is binary (a NUL byte in its first
 * 8 KiB) or larger than `maxBytes`. Uses one growing scratch buffer, since
 * scans read thousands of small files in a row.
 * @throws Error from the file system (ENOENT, EACCES...).
 */
export class TextFileReader {
  private scratch = Buffer.allocUnsafe(1 << 20);

  constructor(private readonly maxBytes: number) {}

  read(path: string): ReadResult {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.maxBytes) return { kind: 'too-large', bytes: size };
      if (size > this.scratch.length) this.scratch = Buffer.allocUnsafe(size);

      let filled = 0;
      while (filled < size) {
        const n = readSync(fd, this.scratch, filled, size - filled, filled);
        if (n === 0) break;
        filled += n;
      }

      const probe = this.scratch.subarray(0, Math.min(filled, BINARY_PROBE_BYTES));
      if (probe.includes(0)) return { kind: 'binary', bytes: filled };
      const content = this.scratch.subarray(0, filled);
      // latin1 decoding skips UTF-8 validation: the same string for ASCII, faster.
      const text = content.toString(isAscii(content) ? 'latin1' : 'utf8');
      return { kind: 'text', text, bytes: filled };
    } finally {
      closeSync(fd);
    }
  }
}
