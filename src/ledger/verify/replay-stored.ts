import type { LedgerStore } from '../store/ledger-store.js';
import type { EntryVerifier } from './entry-verifier.js';

/** Entries read per page. */
const PAGE = 8_192;

/**
 * Feeds `replay` the stored entries from its current size on, a page at a
 * time with the stored tree nodes under the page, until `count` entries
 * were pushed (default: all), the entries end or a problem is found.
 *
 * @param options.onEntry told after each entry that passed, with its bytes
 * @param options.onPage told after each page
 */
export async function replayStored(store: LedgerStore, replay: EntryVerifier, options: {
  count?: number; onEntry?: (body: Buffer) => void; onPage?: () => void;
} = {}): Promise<void> {
  const { onEntry, onPage } = options;
  const end = replay.size + (options.count ?? Infinity);
  while (!replay.problem && replay.size < end) {
    // While no problem is found, entry k is stored under seq k. One entry
    // more than is pushed: the next entry tells an insertion from an edit.
    const want = Math.min(PAGE, end - replay.size);
    const page = await store.entryBodies(replay.size, want + 1);
    const count = Math.min(want, page.length);
    if (count === 0) break;

    const first = (page[0] as [number, Buffer])[0];
    const last = (page[count - 1] as [number, Buffer])[0];
    // Node keys of entry n lie in [n * 64, n * 64 + 64) (see node-key.ts).
    replay.setNodes(await store.nodeHashesBetween(first * 64, (last + 1) * 64));
    for (let i = 0; i < count; i += 1) {
      const [seq, body] = page[i] as [number, Buffer];
      if (!replay.push(body, seq, page[i + 1]?.[1])) break;
      onEntry?.(body);
    }
    onPage?.();
  }
}
