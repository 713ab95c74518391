import { parseCheckpoint, type Checkpoint } from '../checkpoint/checkpoint-text.js';
import type { NoteVerifier } from '../checkpoint/note-keys.js';
import { parseNote } from '../checkpoint/signed-note.js';
import type { TreeReader } from '../merkle/tree-reader.js';
import { verifyConsistency } from '../merkle/verify-proofs.js';
import type { LedgerStore } from '../store/ledger-store.js';
import { EntryVerifier, type TrustedCheckpoint } from './entry-verifier.js';
import type { VerifyProblem, VerifyReport } from './verify-report.js';

/** Entries read per page. */
const PAGE = 8_192;

/** Reports entries done and the total, for a progress display. */
export type ProgressFn = (done: number, total: number) => void;

/**
 * Checks signed checkpoint notes: each must verify with the log's key and
 * be a well-formed checkpoint of the log's origin. Returns the trusted ones,
 * or the first problem.
 */
export function trustCheckpoints(notes: readonly string[], verifier: NoteVerifier)
  : { trusted: TrustedCheckpoint[]; problem?: VerifyProblem } {
  const trusted: TrustedCheckpoint[] = [];
  for (const note of notes) {
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpoint(parseNote(note).text);
    } catch (error) {
      return { trusted, problem: { kind: 'checkpoint_signature', message:
        `a stored checkpoint is malformed: ${(error as Error).message}` } };
    }
    if (!verifier.verify(note) || checkpoint.origin !== verifier.name) {
      return { trusted, problem: { kind: 'checkpoint_signature', index: checkpoint.size,
        message: `the checkpoint of size ${checkpoint.size} is not signed by the log's key` } };
    }
    trusted.push(checkpoint);
  }
  return { trusted };
}

/**
 * Verifies the whole stored ledger: every leaf recomputed from its entry,
 * every stored tree node, every checkpoint's signature and root. Names the
 * first entry that was edited, deleted, inserted or reordered.
 */
export async function verifyStoredLedger(options: {
  store: LedgerStore; verifier: NoteVerifier; onProgress?: ProgressFn | undefined;
}): Promise<VerifyReport> {
  const { store, verifier, onProgress } = options;
  const rows = await store.checkpoints();
  const { trusted, problem } = trustCheckpoints(rows.map((r) => r.note), verifier);
  const replay = new EntryVerifier(trusted);
  if (problem) {
    replay.problem = problem;
    return replay.finish();
  }

  const total = await store.size();
  let from = 0;
  for (;;) {
    const page = await store.entryBodies(from, PAGE);
    const last = page[page.length - 1];
    if (!last) break;
    const first = page[0] as [number, Buffer];
    // Node keys of entry n lie in [n * 64, n * 64 + 64) (see node-key.ts).
    replay.setNodes(await store.nodeHashesBetween(first[0] * 64, (last[0] + 1) * 64));
    for (let i = 0; i < page.length; i += 1) {
      const [seq, body] = page[i] as [number, Buffer];
      if (!replay.push(body, seq, page[i + 1]?.[1])) break;
    }
    if (replay.problem) break;
    from = last[0] + 1;
    onProgress?.(replay.size, total);
  }
  return replay.finish();
}

/**
 * Proves with a consistency proof (RFC 9162 §2.1.4) that the verified
 * ledger extends an older checkpoint, e.g. one a witness or an auditor kept.
 * `report` must come from `verifyStoredLedger`, whose root was recomputed.
 */
export async function verifyExtends(options: {
  note: string; verifier: NoteVerifier; reader: TreeReader; report: VerifyReport;
}): Promise<{ ok: boolean; size: number; proof: string[]; problem?: VerifyProblem }> {
  const { note, verifier, reader, report } = options;
  const { trusted, problem } = trustCheckpoints([note], verifier);
  const old = trusted[0];
  if (problem || !old) return { ok: false, size: 0, proof: [], problem };

  if (old.size > report.size) {
    return { ok: false, size: old.size, proof: [], problem: { kind: 'rollback', index: report.size,
      message: `the checkpoint covers ${old.size} entries but the ledger has only `
        + `${report.size} (rolled back)` } };
  }
  const proof = await reader.consistency(old.size, report.size);
  const ok = verifyConsistency(old.size, report.size, old.root,
    Buffer.from(report.root, 'base64'), proof);
  return {
    ok, size: old.size, proof: proof.map((h) => h.toString('base64')),
    problem: ok ? undefined : { kind: 'inconsistent', message: `the ledger does not extend `
      + `the checkpoint of size ${old.size}: entries before ${old.size} were changed` },
  };
}
