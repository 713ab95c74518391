import { lstatSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { TokenwardenError } from '../errors/tokenwarden-error.js';

/** Paths the reference tool leaves out of every signature, relative to the model. */
export const DEFAULT_IGNORE_PATHS = ['.git', '.gitattributes', '.github', '.gitignore'];

/** One file of a model: its name in the signature and where it is on disk. */
export interface ModelFile {
  /** Relative POSIX path; `.` when the model is a single file. */
  name: string;
  absolute: string;
}

/**
 * Lists the files of a model (one file or a folder), leaving out
 * `ignorePaths` (relative to the model; a folder covers all below it), in
 * the order the OpenSSF model-signing format records them: by path
 * component, as Python's `PurePath` sorts.
 * @throws TokenwardenError `model_path_not_found` when the path is missing;
 * `usage_error` when the model holds a symbolic link or a special file.
 */
export function listModelFiles(modelPath: string, ignorePaths: readonly string[]): ModelFile[] {
  const root = resolve(modelPath);
  const stat = statOrThrow(root);
  if (stat.isFile()) return [{ name: '.', absolute: root }];

  const ignored = new Set(ignorePaths);
  const files: ModelFile[] = [];
  walk(root, root, ignored, files);
  return files.sort((a, b) => comparePaths(a.name, b.name));
}

/** The model's name in the signature: its folder or file name. */
export function modelName(modelPath: string): string {
  return basename(resolve(modelPath));
}

function walk(root: string, directory: string, ignored: Set<string>, out: ModelFile[]): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const absolute = join(directory, entry.name);
    const name = relative(root, absolute).split(sep).join('/');
    if (isIgnored(name, ignored)) continue;

    if (entry.isSymbolicLink()) {
      throw new TokenwardenError('usage_error',
        `Cannot hash model: '${name}' is a symbolic link (allow_symlinks is false)`);
    }
    if (entry.isDirectory()) walk(root, absolute, ignored, out);
    else if (entry.isFile()) out.push({ name, absolute });
    else {
      throw new TokenwardenError('usage_error',
        `Cannot hash model: '${name}' is neither a file nor a folder`);
    }
  }
}

/** True when `name` is an ignored path or lies below one. */
function isIgnored(name: string, ignored: Set<string>): boolean {
  if (ignored.has(name)) return true;
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    if (ignored.has(name.slice(0, i))) return true;
  }
  return false;
}

/** Orders paths component by component (`a/b` before `a.txt`), as PurePath does. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function statOrThrow(path: string) {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      throw new TokenwardenError('usage_error',
        `Cannot hash model: ${path} is a symbolic link (allow_symlinks is false)`);
    }
    return stat;
  } catch (error) {
    if (error instanceof TokenwardenError) throw error;
    throw new TokenwardenError('model_path_not_found', `Cannot hash model: no such path: ${path}`,
      { cause: error });
  }
}
