import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffCollector } from '../../src/scan/diff-collector.js';
import type { TextSource } from '../../src/scan/scan-text.js';
import { scanGit } from '../../src/scan/scan-git.js';
import { MAKERS, type Plant } from './corpus.js';
import { cliBuilt, runCli } from './run-cli.js';

const make = (name: string): Plant => {
  const maker = MAKERS[name];
  if (!maker) throw new Error(`no maker ${name}`);
  return maker();
};

describe('git scans', () => {
  let repo: string;
  let removed: Plant;
  let kept: Plant;
  let staged: Plant;
  let secondSha: string;

  const git = (...args: string[]) => execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada Tester', GIT_AUTHOR_EMAIL: 'ada@example.org',
      GIT_COMMITTER_NAME: 'Ada Tester', GIT_COMMITTER_EMAIL: 'ada@example.org',
      GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z', GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
    },
  });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'tw-git-'));
    removed = make('aws');
    kept = make('anthropic');
    staged = make('stripe');

    git('init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'app.env'), 'PORT=8080\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');

    writeFileSync(join(repo, 'app.env'), `PORT=8080\n${removed.text}\n${kept.text}\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'add keys');
    secondSha = git('rev-parse', 'HEAD').trim();

    writeFileSync(join(repo, 'app.env'), `PORT=8080\n${kept.text}\n`);
    git('add', '.');
    git('commit', '-q', '-m', 'remove the aws key');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('finds a key that a later commit removed, with commit, author and date', async () => {
    const { findings, stats } = await scanGit({ cwd: repo, mode: 'history' });
    expect(stats.commits).toBe(3);

    const aws = findings.find((f) => f.ruleId === 'aws-access-key-id');
    expect(aws?.path).toBe('app.env');
    expect(aws?.line).toBe(2);
    expect(aws?.commit?.sha).toBe(secondSha);
    expect(aws?.commit?.author).toBe('Ada Tester <ada@example.org>');
    expect(aws?.commit?.date).toMatch(/^2026-01-02T03:04:05/);

    const anthropic = findings.filter((f) => f.ruleId === 'anthropic-api-key');
    expect(anthropic).toHaveLength(1);
    expect(anthropic[0]?.line).toBe(3);
  });

  it('scans only staged changes with --staged', async () => {
    writeFileSync(join(repo, 'billing.env'), `# billing\n${staged.text}\n`);
    git('add', 'billing.env');
    const { findings } = await scanGit({ cwd: repo, mode: 'staged' });
    git('reset', '-q', 'billing.env');
    rmSync(join(repo, 'billing.env'));

    expect(findings.map((f) => [f.ruleId, f.path, f.line])).toEqual([
      ['stripe-secret-key', 'billing.env', 2],
    ]);
    expect(findings[0]?.commit).toBeUndefined();
  });

  it('reports git failures as a coded error', async () => {
    const notRepo = mkdtempSync(join(tmpdir(), 'tw-norepo-'));
    await expect(scanGit({ cwd: notRepo, mode: 'history' })).rejects.toMatchObject({
      code: 'scan_git_failed',
    });
    rmSync(notRepo, { recursive: true, force: true });
  });

  it.runIf(cliBuilt())('exits 1 with the commit in JSON from the built CLI', () => {
    const result = runCli(['scan', '--git', '--format', 'json', '.'], repo);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(secondSha);
    expect(result.stdout).not.toContain(removed.secret);
  });
});

describe('DiffCollector', () => {
  it('reads added lines that look like diff headers as content', () => {
    const sources: TextSource[] = [];
    const collector = new DiffCollector((source) => sources.push(source));
    const lines = [
      'diff --git a/notes.md b/notes.md',
      '--- a/notes.md',
      '+++ b/notes.md',
      '@@ -1,0 +5,3 @@',
      '+++ not a header',
      '+diff --git still content',
      '+last',
      '@@ -9 +12 @@',
      '-old',
      '+new',
    ];
    for (const line of lines) collector.push(line);
    collector.end();

    expect(sources).toHaveLength(1);
    expect(sources[0]?.text).toBe('++ not a header\ndiff --git still content\nlast\nnew');
    expect(sources[0]?.lineNumbers).toEqual([5, 6, 7, 12]);
  });
});
