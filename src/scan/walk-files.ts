import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALWAYS_SKIPPED, type IgnoreRules } from './ignore-rules.js';

/**
 * Yields every regular file under `roots` (files given directly included),
 * depth first in name order, leaving out ignored paths. Symbolic links are
 * not followed, so a link loop cannot trap the scan.
 * @throws Error (ENOENT) when a root does not exist.
 */
export function* walkFiles(roots: readonly string[], rules: IgnoreRules): Generator<string> {
  for (const root of roots) {
    const stat = lstatSync(root);
    if (stat.isFile()) {
      yield root;
      continue;
    }
    if (stat.isDirectory()) yield* walkDirectory(root, rules);
  }
}

function* walkDirectory(directory: string, rules: IgnoreRules): Generator<string> {
  const entries = readdirSync(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      if (!rules.ignores(path, true)) yield* walkDirectory(path, rules);
    } else if (entry.isFile() && !rules.ignores(path, false)) {
      yield path;
    }
  }
}
