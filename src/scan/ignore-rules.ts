import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The scanner's ignore file, in gitignore syntax. */
export const IGNORE_FILE = '.tokenwardenignore';

/** Folder names never scanned whatever the ignore file says. */
export const ALWAYS_SKIPPED = new Set(['.git']);

/**
 * Path filter built from `.tokenwardenignore` files. Each file applies to
 * paths below the folder that holds it, as a root `.gitignore` does.
 */
export class IgnoreRules {
  private readonly scopes: { prefix: string; matcher: Ignore }[] = [];

  /**
   * Loads the ignore file of each folder in `bases` that has one.
   * @throws Error when an ignore file exists but cannot be read.
   */
  constructor(bases: readonly string[]) {
    for (const base of new Set(bases)) {
      const file = join(base, IGNORE_FILE);
      if (!existsSync(file)) continue;
      const matcher = ignore().add(readFileSync(file, 'utf8'));
      this.scopes.push({ prefix: base.endsWith(sep) ? base : base + sep, matcher });
    }
  }

  /**
   * True when `absolute` is ignored by any scope that contains it.
   * `isDirectory` lets patterns ending in `/` match folders.
   */
  ignores(absolute: string, isDirectory: boolean): boolean {
    for (const { prefix, matcher } of this.scopes) {
      if (!absolute.startsWith(prefix)) continue;
      const rel = toPosix(absolute.slice(prefix.length));
      if (matcher.ignores(isDirectory ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  /** True when a path relative to the first base (git scans) is ignored. */
  ignoresRelative(posixPath: string): boolean {
    if (posixPath.split('/').some((part) => ALWAYS_SKIPPED.has(part))) return true;
    const first = this.scopes[0];
    return first !== undefined && first.matcher.ignores(posixPath);
  }
}

/** Forward slashes whatever the platform. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
