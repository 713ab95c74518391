import { hash } from 'node:crypto';

/** Length in bytes of every hash in the ledger (SHA-256). */
export const HASH_BYTES = 32;

// One-shot hashing over a reused buffer: a streaming Hash object per node
// costs more than the SHA-256 itself at these sizes. Synchronous, so safe.
const nodeInput = Buffer.alloc(1 + 2 * HASH_BYTES);
nodeInput[0] = 0x01;
let leafInput = Buffer.alloc(4096);

/**
 * Leaf hash of RFC 9162 §2.1.1: SHA-256(0x00 || entry bytes). The prefix keeps
 * a leaf from ever being read as an interior node (second-preimage defence).
 */
export function leafHash(entry: Uint8Array): Buffer {
  if (leafInput.length < entry.length + 1) leafInput = Buffer.alloc(entry.length * 2 + 1);
  leafInput[0] = 0x00;
  leafInput.set(entry, 1);
  return hash('sha256', leafInput.subarray(0, entry.length + 1), 'buffer');
}

/** Interior node hash of RFC 9162 §2.1.1: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_BYTES);
  return hash('sha256', nodeInput, 'buffer');
}

/**
 * `leafHash` as lowercase hex. Verification hashes millions of leaves, and a
 * string result costs half of what a new Buffer does.
 */
export function leafHashHex(entry: Uint8Array): string {
  if (leafInput.length < entry.length + 1) leafInput = Buffer.alloc(entry.length * 2 + 1);
  leafInput[0] = 0x00;
  leafInput.set(entry, 1);
  return hash('sha256', leafInput.subarray(0, entry.length + 1), 'hex');
}

/** `nodeHash` of two hashes given and returned as lowercase hex. */
export function nodeHashHex(left: string, right: string): string {
  nodeInput.write(left, 1, HASH_BYTES, 'hex');
  nodeInput.write(right, 1 + HASH_BYTES, HASH_BYTES, 'hex');
  return hash('sha256', nodeInput, 'hex');
}

/** Root of the empty tree: SHA-256 of no bytes (RFC 9162 §2.1.1). */
export function emptyRoot(): Buffer {
  return hash('sha256', Buffer.alloc(0), 'buffer');
}
