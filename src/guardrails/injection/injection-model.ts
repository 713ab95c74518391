import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { BUCKET_BITS } from './hashed-features.js';

/**
 * The injection classifier's weights: a logistic regression over hashed
 * features, stored as int8 with one scale (a 512 KiB file). Layout, little
 * endian: `TWIM`, version byte (2: word 1-3 grams), bucket bits byte, two zero bytes, float32
 * scale, float32 bias, then one int8 per bucket.
 */
export interface InjectionModel {
  /** Quantised weights; the weight of bucket i is `weights[i] * scale`. */
  readonly weights: Int8Array;
  readonly scale: number;
  readonly bias: number;
}

const MAGIC = 'TWIM';
const HEADER_BYTES = 16;

/** Version 1 had word 1-2 grams; its weights mean nothing to version-2 features. */
const VERSION = 2;

/** Relative path of the committed weights from the package root. */
export const MODEL_PATH = join('data', 'guardrails', 'injection-model.bin');

/**
 * Quantises weights to int8 and serialises them (see InjectionModel).
 * @returns the file contents; the same input always gives the same bytes.
 */
export function encodeInjectionModel(weights: Float32Array | Float64Array, bias: number): Buffer {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 127 : 1;

  const out = Buffer.alloc(HEADER_BYTES + weights.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt8(VERSION, 4);
  out.writeUInt8(BUCKET_BITS, 5);
  out.writeFloatLE(scale, 8);
  out.writeFloatLE(bias, 12);
  for (let i = 0; i < weights.length; i += 1) {
    out.writeInt8(Math.max(-127, Math.min(127, Math.round((weights[i] as number) / scale))),
      HEADER_BYTES + i);
  }
  return out;
}

/**
 * Reads a model file's contents.
 * @throws TokenwardenError `config_invalid` when the bytes are not a model for these features.
 */
export function decodeInjectionModel(bytes: Buffer): InjectionModel {
  const buckets = 1 << BUCKET_BITS;
  const valid = bytes.length === HEADER_BYTES + buckets
    && bytes.toString('latin1', 0, 4) === MAGIC && bytes.readUInt8(4) === VERSION
    && bytes.readUInt8(5) === BUCKET_BITS;
  if (!valid) {
    throw new TokenwardenError('config_invalid',
      `Injection model is not a version-${VERSION} model with ${buckets} buckets: retrain it`);
  }

  // A copy, so the model does not pin a pooled Buffer; int8 keeps it small (512 KiB).
  const weights = new Int8Array(buckets);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, buckets));
  return { weights, scale: bytes.readFloatLE(8), bias: bytes.readFloatLE(12) };
}

/** Walks up from this module (src/ or dist/) to the package root holding the weights. */
function findModelFile(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(dir, MODEL_PATH);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

let loaded: InjectionModel | undefined;

/**
 * The committed model, read once and kept.
 * @throws TokenwardenError `config_invalid` when the file is missing or corrupt.
 */
export function loadInjectionModel(): InjectionModel {
  if (loaded) return loaded;

  const path = findModelFile();
  if (!path) {
    throw new TokenwardenError('config_invalid',
      `Injection model ${MODEL_PATH} not found: run npm run train:injection`);
  }
  loaded = decodeInjectionModel(readFileSync(path));
  return loaded;
}
