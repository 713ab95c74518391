/** Dependency lock files: their hashes and commit ids look random but are public. */
const LOCK_FILE_NAMES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock',
  'cargo.lock', 'poetry.lock', 'pipfile.lock', 'uv.lock', 'go.sum', 'composer.lock',
  'gemfile.lock', 'packages.lock.json', 'flake.lock', 'pdm.lock',
]);

/** True when `path` names a lock file. */
export function isLockFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return LOCK_FILE_NAMES.has(name);
}

/**
 * True when `value` in a lock file is an integrity hash (`sha512-...`), a
 * pure hex digest or commit id, or a base64 digest such as go.sum's `h1:`.
 */
export function isLockFileHash(value: string): boolean {
  return /^sha(?:1|256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(value) ||
    /^[0-9a-f]{7,128}$/i.test(value) ||
    /^h1:[A-Za-z0-9+/]{43}=$/.test(value);
}
