/**
 * Counts how many package READMEs under node_modules the injection detector
 * flags: realistic long benign text (markdown, code, install commands) that
 * the corpus lacks. Every README is benign, so every flag is a false
 * positive. The sample is the sorted list of paths taken at an even stride,
 * so two runs on the same install read the same files.
 *
 *   node --import tsx scripts/check-readme-injection.ts [--count 300] [--verbose]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectInjection } from '../src/guardrails/injection/detect-injection.js';
import { loadInjectionModel } from '../src/guardrails/injection/injection-model.js';

const ROOT = 'node_modules';
const THRESHOLDS = [0.4, 0.5];

/** README.md files of packages (scoped or not), one level under node_modules. */
function findReadmes(): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (name.startsWith('@')) {
        visit(path);
        continue;
      }
      for (const candidate of ['README.md', 'readme.md', 'Readme.md']) {
        const file = join(path, candidate);
        try {
          if (statSync(file).isFile()) {
            found.push(file);
            break;
          }
        } catch {
          // No README of that spelling.
        }
      }
    }
  };
  visit(ROOT);
  return found.sort();
}

function countArgument(): number {
  const index = process.argv.indexOf('--count');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 300;
  if (!(Number.isInteger(value) && value > 0)) {
    throw new Error(`--count must be a positive integer: got ${process.argv[index + 1]}`);
  }
  return value;
}

function main(): void {
  const all = findReadmes();
  const count = Math.min(countArgument(), all.length);
  const stride = all.length / count;
  const sample = Array.from({ length: count }, (_, i) => all[Math.floor(i * stride)] as string);
  const model = loadInjectionModel();
  const verbose = process.argv.includes('--verbose');

  const scores = sample.map((path) => {
    const result = detectInjection(readFileSync(path, 'utf8'), { model });
    if (verbose && result.score >= 0.4) {
      console.log(`${result.score.toFixed(2)}  ${path}  ${result.findings[0]?.ruleId ?? ''}`);
    }
    return result.score;
  });

  console.log(`${sample.length} READMEs of ${all.length} under ${ROOT}`);
  for (const threshold of THRESHOLDS) {
    const flagged = scores.filter((score) => score >= threshold).length;
    console.log(`  score >= ${threshold}: ${flagged} flagged`
      + ` (${((flagged / sample.length) * 100).toFixed(1)}%)`);
  }
}

main();
