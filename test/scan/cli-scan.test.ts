import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAKERS, type Plant } from './corpus.js';
import { cliBuilt, runCli } from './run-cli.js';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string;
      rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string };
        region: { startLine: number; startColumn: number; endColumn: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

interface JsonReport {
  findings: { rule_id: string; path: string; line: number; fingerprint: string;
    redacted: string }[];
}

const make = (name: string): Plant => {
  const maker = MAKERS[name];
  if (!maker) throw new Error(`no maker ${name}`);
  return maker();
};

describe.runIf(cliBuilt())('tokenwarden scan (built CLI)', () => {
  let dir: string;
  let github: Plant;
  let stripe: Plant;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tw-scan-'));
    github = make('github');
    stripe = make('stripe');
    mkdirSync(join(dir, 'src dir'));
    writeFileSync(join(dir, 'src dir', 'config.ts'),
      `export const name = 'demo';\n\nconst ghToken = "${github.secret}";\n`);
    writeFileSync(join(dir, 'billing.py'), `import stripe\n${stripe.text}\n`);
    writeFileSync(join(dir, 'clean.md'), '# Nothing to see\n');
    writeFileSync(join(dir, 'image.bin'), Buffer.from([0, 1, 2, ...Buffer.from(github.secret)]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on a clean folder', () => {
    const clean = mkdtempSync(join(tmpdir(), 'tw-clean-'));
    writeFileSync(join(clean, 'readme.md'), 'hello\n');
    const result = runCli(['scan', '.'], clean);
    rmSync(clean, { recursive: true, force: true });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No findings');
  });

  it('exits 1 on findings and never prints a secret', () => {
    const result = runCli(['scan', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src dir/config.ts:3:');
    expect(result.stdout).toContain('github-token');
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(github.secret);
      expect(output).not.toContain(stripe.secret);
    }
  });

  it('exits 2 with one line on a missing path or a bad format', () => {
    const missing = runCli(['scan', 'no-such-dir'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('scan_path_not_found');

    const badFormat = runCli(['scan', '--format', 'xml', '.'], dir);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("got 'xml'");
  });

  it('writes SARIF 2.1.0 that code scanning accepts', () => {
    const result = runCli(['scan', '--format', 'sarif', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain(github.secret);

    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.name).toBe('tokenwarden');
    expect(run?.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run?.tool.driver.informationUri).toMatch(/^https:\/\//);
    const ruleIds = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(ruleIds).toContain('github-token');
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }

    const result0 = run?.results.find((r) => r.ruleId === 'github-token');
    const location = result0?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation.uri).toBe('src%20dir/config.ts');
    expect(location?.region.startLine).toBe(3);
    expect(location?.region.startColumn).toBe(18);
    expect(location?.region.endColumn).toBe(18 + github.secret.length);
    expect(result0?.level).toBe('error');
    expect(result0?.partialFingerprints['tokenwarden/v1']).toMatch(/^[0-9a-f]{32}$/);
    for (const r of run?.results ?? []) expect(ruleIds).toContain(r.ruleId);
  });

  it('keeps fingerprints when unrelated lines move', () => {
    const before = JSON.parse(runCli(['scan', '--format', 'json', '.'], dir).stdout) as JsonReport;
    const file = join(dir, 'src dir', 'config.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `// a new header line\n\n${original}`);
    const after = JSON.parse(runCli(['scan', '--format', 'json', '.'], dir).stdout) as JsonReport;
    writeFileSync(file, original);

    const pick = (report: JsonReport) => report.findings.find((f) => f.rule_id === 'github-token');
    expect(pick(after)?.line).toBe((pick(before)?.line ?? 0) + 2);
    expect(pick(after)?.fingerprint).toBe(pick(before)?.fingerprint);
  });

  it('accepts findings through a baseline and reports only new ones', () => {
    const baseline = join(dir, '..', `baseline-${Date.now()}.json`);
    const written = runCli(['scan', '--write-baseline', baseline, '.'], dir);
    expect(written.status).toBe(0);
    expect(readFileSync(baseline, 'utf8')).not.toContain(github.secret);
    expect(runCli(['scan', '--baseline', baseline, '.'], dir).status).toBe(0);

    const fresh = make('slack');
    writeFileSync(join(dir, 'new.env'), `${fresh.text}\n`);
    const result = runCli(['scan', '--baseline', baseline, '--format', 'json', '.'], dir);
    rmSync(join(dir, 'new.env'));
    rmSync(baseline);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => f.path)).toEqual(['new.env']);
  });

  it('fails with a coded error on a baseline that is not one', () => {
    const bad = join(dir, '..', `bad-baseline-${Date.now()}.json`);
    writeFileSync(bad, '{"nope": true}');
    const result = runCli(['scan', '--baseline', bad, '.'], dir);
    rmSync(bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('baseline_invalid');
  });

  it('honours tokenwarden:allow comments and .tokenwardenignore', () => {
    const other = mkdtempSync(join(tmpdir(), 'tw-allow-'));
    const allowed = make('github');
    const ignored = make('npm');
    writeFileSync(join(other, 'a.ts'),
      `const t = "${allowed.secret}"; // tokenwarden:allow test fixture\n`);
    mkdirSync(join(other, 'fixtures'));
    writeFileSync(join(other, 'fixtures', 'b.env'), `${ignored.text}\n`);
    writeFileSync(join(other, '.tokenwardenignore'), 'fixtures/\n');
    const result = runCli(['scan', '.'], other);
    rmSync(other, { recursive: true, force: true });
    expect(result.status).toBe(0);
  });

  it('skips binary files and the .git folder', () => {
    const other = mkdtempSync(join(tmpdir(), 'tw-bin-'));
    const planted = make('github');
    writeFileSync(join(other, 'blob.bin'), Buffer.concat([Buffer.from([0]),
      Buffer.from(`token = "${planted.secret}"`)]));
    mkdirSync(join(other, '.git'));
    writeFileSync(join(other, '.git', 'config'), `token = "${planted.secret}"\n`);
    const result = runCli(['scan', '--format', 'json', '.'], other);
    rmSync(other, { recursive: true, force: true });
    expect(result.status).toBe(0);
  });

  it('does not report lock-file integrity hashes or commit ids', () => {
    const other = mkdtempSync(join(tmpdir(), 'tw-lock-'));
    const lock = {
      packages: {
        'node_modules/x': {
          resolved: 'git+ssh://git@github.com/a/b.git#0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
          integrity: 'sha512-' + Buffer.alloc(64, 7).toString('base64'),
          token: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c', // tokenwarden:allow hex in a lock file
        },
      },
    };
    writeFileSync(join(other, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const result = runCli(['scan', '.'], other);
    rmSync(other, { recursive: true, force: true });
    expect(result.status).toBe(0);
  });
});
