// A minimal C2SP tlog-witness for tests: checks signature and consistency, then cosigns.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCheckpoint } from '../../src/ledger/checkpoint/checkpoint-text.js';
import type { NoteVerifier } from '../../src/ledger/checkpoint/note-keys.js';
import {
  keyIdOf, parseNote, SIG_TYPE_COSIGNATURE, signatureLine,
} from '../../src/ledger/checkpoint/signed-note.js';
import { verifyConsistency } from '../../src/ledger/merkle/verify-proofs.js';

/** A running test witness. */
export interface TestWitness {
  url: string;
  name: string;
  publicKey: Buffer;
  /** The size and root it has last cosigned. */
  state: { size: number; root: Buffer<ArrayBufferLike> };
  requests: number;
  close(): Promise<void>;
}

function cosign(name: string, key: KeyObject, publicKey: Buffer, text: string): string {
  // cosignature/v1 (C2SP tlog-cosignature): the signed message is a header plus the checkpoint.
  const time = Math.floor(Date.now() / 1000);
  const message = `cosignature/v1\ntime ${time}\n${text}`;
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const signature = sign(null, Buffer.from(message), key);
  return signatureLine(name, keyIdOf(name, SIG_TYPE_COSIGNATURE, publicKey),
    Buffer.concat([stamp, signature]));
}

/** Parses `old N`, proof lines, a blank line and the note (C2SP tlog-witness add-checkpoint). */
function parseRequest(body: string): { old: number; proof: Buffer[]; note: string } | undefined {
  const split = body.indexOf('\n\n');
  if (split < 0) return undefined;
  const [first, ...proofLines] = body.slice(0, split).split('\n');
  const match = /^old (\d+)$/.exec(first ?? '');
  if (!match) return undefined;
  return { old: Number(match[1]), proof: proofLines.map((l) => Buffer.from(l, 'base64')),
    note: body.slice(split + 2) };
}

/** Starts a witness that trusts one log key. */
export async function startWitness(log: NoteVerifier): Promise<TestWitness> {
  const name = 'witness.test/w1';
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const witness: { state: TestWitness['state']; requests: number } = {
    state: { size: 0, root: Buffer.alloc(0) }, requests: 0,
  };

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    req.on('end', () => {
      witness.requests += 1;
      const reply = (status: number, text: string, type = 'text/plain'): void => {
        res.writeHead(status, { 'content-type': type }).end(text);
      };
      const parsed = req.method === 'POST' && req.url === '/add-checkpoint'
        ? parseRequest(body) : undefined;
      if (!parsed) return reply(400, 'bad request\n');
      if (!log.verify(parsed.note)) return reply(403, 'unknown key or bad signature\n');

      const checkpoint = parseCheckpoint(parseNote(parsed.note).text);
      if (checkpoint.origin !== log.name) return reply(404, 'unknown origin\n');
      if (parsed.old !== witness.state.size) {
        return reply(409, `${witness.state.size}\n`, 'text/x.tlog.size');
      }
      if (checkpoint.size < parsed.old) return reply(400, 'checkpoint smaller than old\n');
      const consistent = parsed.old === 0 ? parsed.proof.length === 0
        : verifyConsistency(parsed.old, checkpoint.size, witness.state.root, checkpoint.root,
          parsed.proof);
      if (!consistent) return reply(422, 'inconsistent\n');

      witness.state = { size: checkpoint.size, root: checkpoint.root };
      return reply(200, cosign(name, privateKey, raw, parseNote(parsed.note).text));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(witness, {
    url: `http://127.0.0.1:${port}`, name, publicKey: raw,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
