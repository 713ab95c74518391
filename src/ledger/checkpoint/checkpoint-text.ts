import { HASH_BYTES } from '../merkle/hash.js';

/** The body of a C2SP tlog-checkpoint: what a log commits to at one size. */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** Formats the checkpoint body: origin, decimal size, base64 root, each ending in LF. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.root.toString('base64')}\n`;
}

/**
 * Parses a checkpoint body (extension lines after the root are allowed and
 * ignored, as the C2SP spec permits).
 *
 * @throws TypeError naming what is malformed.
 */
export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, sizeText, rootText] = lines;
  if (!origin || lines.length < 4 || lines[lines.length - 1] !== '') {
    throw new TypeError('checkpoint must have origin, size and root lines, each ending in LF');
  }
  if (!sizeText || !/^(0|[1-9][0-9]*)$/.test(sizeText)) {
    throw new TypeError(`checkpoint size is not a decimal number: ${JSON.stringify(sizeText)}`);
  }
  const root = Buffer.from(rootText ?? '', 'base64');
  if (root.length !== HASH_BYTES || root.toString('base64') !== rootText) {
    throw new TypeError('checkpoint root is not a base64 SHA-256 hash');
  }
  return { origin, size: Number(sizeText), root };
}
