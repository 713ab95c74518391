import type { Resource } from './in-toto-statement.js';

/** How a model differs from its signature, file by file. */
export interface ResourceDiff {
  changed: string[];
  added: string[];
  removed: string[];
  /** A removed file whose content now sits under a new name. */
  renamed: { from: string; to: string }[];
}

/** Compares signed resources with the ones hashed now. */
export function compareResources(signed: readonly Resource[], now: readonly Resource[]) {
  const before = new Map(signed.map((r) => [r.name, r.digest]));
  const after = new Map(now.map((r) => [r.name, r.digest]));
  const diff: ResourceDiff = { changed: [], added: [], removed: [], renamed: [] };

  for (const [name, digest] of after) {
    const old = before.get(name);
    if (old === undefined) diff.added.push(name);
    else if (old !== digest) diff.changed.push(name);
  }
  for (const name of before.keys()) {
    if (!after.has(name)) diff.removed.push(name);
  }

  for (const from of [...diff.removed]) {
    const to = diff.added.find((name) => after.get(name) === before.get(from));
    if (to === undefined) continue;
    diff.renamed.push({ from, to });
    diff.removed.splice(diff.removed.indexOf(from), 1);
    diff.added.splice(diff.added.indexOf(to), 1);
  }
  return diff;
}

/** True when the model matches its signature exactly. */
export function isSame(diff: ResourceDiff): boolean {
  return diff.changed.length + diff.added.length + diff.removed.length +
    diff.renamed.length === 0;
}

/** One line naming what differs, at most `limit` files per kind. */
export function describeDiff(diff: ResourceDiff, limit = 5): string {
  const list = (names: string[]) =>
    names.slice(0, limit).map((name) => `'${name}'`).join(', ') +
    (names.length > limit ? ` and ${names.length - limit} more` : '');
  const parts: string[] = [];
  if (diff.changed.length > 0) parts.push(`changed ${list(diff.changed)}`);
  if (diff.added.length > 0) parts.push(`added ${list(diff.added)}`);
  if (diff.removed.length > 0) parts.push(`removed ${list(diff.removed)}`);
  if (diff.renamed.length > 0) {
    parts.push(`renamed ${list(diff.renamed.map(({ from, to }) => `${from}' -> '${to}`))}`);
  }
  return parts.join('; ');
}
