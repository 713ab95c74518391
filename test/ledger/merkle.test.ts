import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, treeRoot } from '../../src/ledger/merkle/build-proofs.js';
import { CompactRange } from '../../src/ledger/merkle/compact-range.js';
import { emptyRoot, leafHash, nodeHash } from '../../src/ledger/merkle/hash.js';
import { splitPoint } from '../../src/ledger/merkle/tree-math.js';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/merkle/verify-proofs.js';

// Leaves and roots from REFERENCE.md (transparency-dev/merkle verify_test.go).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657',
  '606162636465666768696a6b6c6d6e6f'].map((hex) => Buffer.from(hex, 'hex'));
const ROOTS: Record<number, string> = {
  1: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  2: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  3: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  4: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  8: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
};

const b64 = (text: string): Buffer => Buffer.from(text, 'base64');

/** Straight recursive MTH of RFC 9162 §2.1.1, the reference for the stored-node code. */
function referenceRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leafHash(leaves[0] as Buffer);
  const k = splitPoint(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** A node source over an in-memory tree built with CompactRange. */
function buildTree(leaves: Buffer[]): (level: number, index: number) => Uint8Array {
  const nodes = new Map<string, Buffer>();
  const range = new CompactRange();
  for (const leaf of leaves) {
    for (const node of range.append(leafHash(leaf))) {
      nodes.set(`${node.level}/${node.index}`, node.hash);
    }
  }
  return (level, index) => {
    const hash = nodes.get(`${level}/${index}`);
    if (!hash) throw new Error(`missing ${level}/${index}`);
    return hash;
  };
}

function flipBit(hash: Buffer, at: number): void {
  hash[at] = (hash[at] as number) ^ 0x10;
}

function makeLeaves(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`));
}

describe('RFC 6962 tree hashing', () => {
  it('gives the published roots for the test vectors', () => {
    for (const [size, hex] of Object.entries(ROOTS)) {
      const leaves = LEAVES.slice(0, Number(size));
      expect(referenceRoot(leaves).toString('hex')).toBe(hex);
      expect(Buffer.from(treeRoot(Number(size), buildTree(leaves))).toString('hex')).toBe(hex);
      const range = new CompactRange();
      leaves.forEach((leaf) => range.append(leafHash(leaf)));
      expect(range.root().toString('hex')).toBe(hex);
    }
  });

  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(emptyRoot().toString('hex'))
      .toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new CompactRange().root()).toEqual(emptyRoot());
  });

  it('matches the recursive definition at every size up to 70', () => {
    const leaves = makeLeaves(70);
    const get = buildTree(leaves);
    for (let n = 1; n <= 70; n += 1) {
      expect(Buffer.from(treeRoot(n, get))).toEqual(referenceRoot(leaves.slice(0, n)));
    }
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  const get = buildTree(LEAVES);
  const root8 = Buffer.from(ROOTS[8] as string, 'hex');

  it('builds the published proof for leaf 0 of 8 and verifies it', () => {
    const proof = inclusionProof(0, 8, get).map((h) => Buffer.from(h).toString('base64'));
    expect(proof).toEqual(['lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=']);
    expect(verifyInclusion(0, 8, leafHash(LEAVES[0] as Buffer), proof.map(b64), root8)).toBe(true);
  });

  it('verifies every leaf of every tree up to 40 and rejects each tampering', () => {
    const leaves = makeLeaves(40);
    const tree = buildTree(leaves);
    for (let n = 1; n <= 40; n += 1) {
      const root = referenceRoot(leaves.slice(0, n));
      for (let m = 0; m < n; m += 1) {
        const leaf = leafHash(leaves[m] as Buffer);
        const proof = inclusionProof(m, n, tree);
        expect(verifyInclusion(m, n, leaf, proof, root)).toBe(true);
        expect(verifyInclusion(m, n, leafHash(Buffer.from('other')), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, leaf, [...proof, root], root)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(m, n, leaf, proof.slice(1), root)).toBe(false);
          const flipped = proof.map((h) => Buffer.from(h));
          flipBit(flipped[0] as Buffer, 0);
          expect(verifyInclusion(m, n, leaf, flipped, root)).toBe(false);
          expect(verifyInclusion(m ^ 1, n, leaf, proof, root)).toBe(false);
          expect(verifyInclusion(m, n * 2, leaf, proof, root)).toBe(false);
        }
      }
    }
  });

  it('rejects an index outside the tree and a wrong root', () => {
    const leaf = leafHash(LEAVES[0] as Buffer);
    const proof = inclusionProof(0, 8, get);
    expect(verifyInclusion(8, 8, leaf, proof, root8)).toBe(false);
    expect(verifyInclusion(-1, 8, leaf, proof, root8)).toBe(false);
    expect(verifyInclusion(0, 8, leaf, proof, emptyRoot())).toBe(false);
    expect(() => inclusionProof(8, 8, get)).toThrow(RangeError);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  const get = buildTree(LEAVES);
  const published = [
    { size1: 1, size2: 8, proof: ['lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=',
      'Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=', 'a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ='] },
    { size1: 6, size2: 8, proof: ['DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=', '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc='] },
    { size1: 2, size2: 5, proof: ['Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=',
      'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms='] },
    { size1: 6, size2: 7, proof: ['DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=',
      'sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=', '037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc='] },
  ];

  it('builds and verifies the published proofs', () => {
    for (const { size1, size2, proof } of published) {
      const built = consistencyProof(size1, size2, get).map((h) => Buffer.from(h).toString('base64'));
      expect(built).toEqual(proof);
      const root1 = referenceRoot(LEAVES.slice(0, size1));
      const root2 = referenceRoot(LEAVES.slice(0, size2));
      expect(verifyConsistency(size1, size2, root1, root2, proof.map(b64))).toBe(true);
      expect(verifyConsistency(size1, size2, root2, root1, proof.map(b64))).toBe(false);
    }
  });

  it('verifies every pair of sizes up to 40 and rejects each tampering', () => {
    const leaves = makeLeaves(40);
    const tree = buildTree(leaves);
    const roots = Array.from({ length: 41 }, (_, n) => referenceRoot(leaves.slice(0, n)));
    for (let n = 1; n <= 40; n += 1) {
      for (let m = 1; m <= n; m += 1) {
        const r1 = roots[m] as Buffer;
        const r2 = roots[n] as Buffer;
        const proof = consistencyProof(m, n, tree);
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
        if (m === n) continue;
        expect(verifyConsistency(m, n, roots[m - 1] as Buffer, r2, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, roots[n - 1] as Buffer, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, r2, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, r1, r2, [...proof, r1])).toBe(false);
        expect(verifyConsistency(n, m, r2, r1, proof)).toBe(false);
        const flipped = proof.map((h) => Buffer.from(h));
        flipBit(flipped[flipped.length - 1] as Buffer, 5);
        expect(verifyConsistency(m, n, r1, r2, flipped)).toBe(false);
      }
    }
  });

  it('treats equal sizes and the empty tree as the RFC does', () => {
    const root = referenceRoot(LEAVES);
    expect(verifyConsistency(8, 8, root, root, [])).toBe(true);
    expect(verifyConsistency(8, 8, root, root, [root])).toBe(false);
    expect(verifyConsistency(0, 8, emptyRoot(), root, [])).toBe(true);
    expect(verifyConsistency(3, 8, referenceRoot(LEAVES.slice(0, 3)), root, [])).toBe(false);
  });
});
