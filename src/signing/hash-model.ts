import { relative, resolve, sep } from 'node:path';
import { hashFiles } from './hash-files.js';
import type { Resource } from './in-toto-statement.js';
import { listModelFiles } from './model-files.js';

/**
 * Hashes every file of a model into ordered resources, leaving out the
 * ignored paths (relative to the model).
 * @throws TokenwardenError from {@link listModelFiles}; Error when a file
 * cannot be read.
 */
export async function hashModel(modelPath: string, ignorePaths: string[]): Promise<Resource[]> {
  const files = listModelFiles(modelPath, ignorePaths);
  const digests = await hashFiles(files.map((file) => file.absolute));
  return files.map((file, index) => ({
    name: file.name,
    algorithm: 'sha256',
    digest: digests[index] ?? '',
  }));
}

/**
 * Turns paths given on the command line (relative to the working folder)
 * into paths relative to the model; paths outside the model are dropped.
 */
export function relativeToModel(modelPath: string, paths: readonly string[]): string[] {
  const root = resolve(modelPath);
  return paths
    .map((path) => relative(root, resolve(path)).split(sep).join('/'))
    .filter((path) => path !== '' && !path.startsWith('..'));
}
