import type { TreeReader } from '../merkle/tree-reader.js';
import type { LedgerStore } from '../store/ledger-store.js';

/** What a witness said about one checkpoint. */
export interface WitnessResult {
  url: string;
  ok: boolean;
  /** Cosignature lines returned, when ok. */
  lines?: string;
  error?: string;
}

const TIMEOUT_MS = 10_000;

function endpoint(url: string): string {
  return url.endsWith('/add-checkpoint') ? url : `${url.replace(/\/$/, '')}/add-checkpoint`;
}

/**
 * Sends a checkpoint to a witness in the C2SP tlog-witness form: `old N`,
 * the consistency proof from N (one base64 hash a line), a blank line, the
 * signed checkpoint. On 409 the witness states the size it knows; the proof
 * is rebuilt from there once. Cosignatures returned are stored.
 */
export async function submitToWitness(options: {
  url: string; note: string; size: number; store: LedgerStore; reader: TreeReader;
}): Promise<WitnessResult> {
  const { url, note, size, store, reader } = options;
  let old = await store.witnessSize(url);

  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (old > size) return { url, ok: false, error: `witness is at size ${old}, ahead of ${size}` };
    const proof = old > 0 ? await reader.consistency(old, size) : [];
    const body = `old ${old}\n${proof.map((h) => `${h.toString('base64')}\n`).join('')}\n${note}`;
    const response = await fetch(endpoint(url), {
      method: 'POST', body, signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    const text = await response.text();

    if (response.status === 200) {
      const time = new Date().toISOString();
      await store.addCosignature({ size, witness: url, lines: text, time });
      await store.setWitnessSize(url, size);
      return { url, ok: true, lines: text };
    }
    if (response.status === 409 && /^\d+$/.test(text.trim())) {
      old = Number(text.trim());
      continue;
    }
    return { url, ok: false, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
  }
  return { url, ok: false, error: 'witness disagreed twice about the old size' };
}
