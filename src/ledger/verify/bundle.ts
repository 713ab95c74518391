import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { NoteVerifier } from '../checkpoint/note-keys.js';
import type { Ledger } from '../ledger.js';
import { EntryVerifier } from './entry-verifier.js';
import { trustCheckpoints, type ProgressFn } from './verify-ledger.js';
import type { VerifyReport } from './verify-report.js';

/** Format name in a bundle's first line. */
export const BUNDLE_FORMAT = 'tokenwarden-ledger-bundle';

/** The first line of a bundle; every further line is one entry's exact bytes. */
export interface BundleHeader {
  format: typeof BUNDLE_FORMAT;
  v: 1;
  origin: string;
  verifier_key: string;
  size: number;
  checkpoints: string[];
  cosignatures: { size: number; witness: string; lines: string }[];
}

/**
 * Writes an offline audit bundle: a JSON header (checkpoints, cosignatures,
 * the log's verifier key), then every entry's canonical JSON on its own
 * line, in order. A fresh checkpoint is signed first so it covers all.
 * Returns the number of entries written.
 */
export async function exportBundle(ledger: Ledger, path: string, onProgress?: ProgressFn)
  : Promise<number> {
  const { store, signer } = ledger.context;
  const latest = await ledger.checkpoint();
  const size = latest?.size ?? 0;
  const checkpoints = await store.checkpoints();
  const header: BundleHeader = {
    format: BUNDLE_FORMAT, v: 1, origin: signer.name, verifier_key: signer.verifierKey(), size,
    checkpoints: checkpoints.map((c) => c.note),
    cosignatures: (await Promise.all(checkpoints.map((c) => store.cosignatures(c.size)))).flat()
      .map(({ size: s, witness, lines }) => ({ size: s, witness, lines })),
  };

  const out = createWriteStream(path);
  const write = async (text: string | Buffer): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${JSON.stringify(header)}\n`);
  for (let from = 0; from < size;) {
    const page = await store.entriesFrom(from, Math.min(8_192, size - from));
    if (page.length === 0) break;
    for (const row of page) await write(Buffer.concat([row.body, Buffer.from('\n')]));
    from = (page[page.length - 1]?.seq ?? from) + 1;
    onProgress?.(from, size);
  }
  out.end();
  await once(out, 'finish');
  return size;
}

/**
 * Verifies a bundle with nothing but the log's verifier key: every
 * checkpoint's signature, every entry's position, and every signed root
 * recomputed from the entries. No server, no database.
 *
 * @throws TokenwardenError `ledger_bundle_invalid` when the file is not a bundle.
 */
export async function verifyBundle(path: string, verifierKey: string, onProgress?: ProgressFn)
  : Promise<VerifyReport & { uncovered: number }> {
  const verifier = NoteVerifier.fromVerifierKey(verifierKey);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let replay: EntryVerifier | undefined;
  let header: BundleHeader | undefined;
  let pending: Buffer | undefined;

  for await (const line of lines) {
    if (!header) {
      header = parseHeader(line);
      const { trusted, problem } = trustCheckpoints(header.checkpoints, verifier);
      replay = new EntryVerifier(trusted);
      if (problem) replay.problem = problem;
      continue;
    }
    const body = Buffer.from(line, 'utf8');
    if (pending && !replay?.push(pending, undefined, body)) break;
    pending = body;
    if (replay && replay.size % 10_000 === 0) onProgress?.(replay.size, header.size);
  }
  if (!header || !replay) throw new TokenwardenError('ledger_bundle_invalid', `${path} is empty`);
  if (pending && !replay.problem) replay.push(pending);

  const report = replay.finish();
  return { ...report, uncovered: report.size - report.covered_size };
}

function parseHeader(line: string): BundleHeader {
  try {
    const header = JSON.parse(line) as BundleHeader;
    if (header.format === BUNDLE_FORMAT && header.v === 1 && Array.isArray(header.checkpoints)) {
      return header;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new TokenwardenError('ledger_bundle_invalid', 'not a tokenwarden ledger bundle');
}
