/**
 * Evaluates the committed injection model and the full detector on the
 * held-out repositories, and exits 1 below the targets (recall 90%, false
 * positives 3%). `npm run eval:injection` runs it.
 *
 *   node --import tsx scripts/eval-injection.ts [--threshold 0.5]
 */
import { readFileSync } from 'node:fs';
import { detectInjection } from '../src/guardrails/injection/detect-injection.js';
import { loadInjectionModel } from '../src/guardrails/injection/injection-model.js';
import { isHeldOut, readCorpus } from './lib/injection-corpus.js';
import { measure, printReport } from './lib/detection-metrics.js';

const TARGET_RECALL = 0.9;
const TARGET_FALSE_POSITIVES = 0.03;

function thresholdArgument(): number {
  const index = process.argv.indexOf('--threshold');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 0.5;
  if (!(value > 0 && value < 1)) throw new Error(`--threshold must be in (0, 1): got ${value}`);
  return value;
}

interface HandWrittenRow {
  readonly set: string;
  readonly label: 0 | 1;
  readonly text: string;
}

/**
 * Hand-written attacks and everyday requests (data/prompt-injection/
 * SOURCES.md says which sets were only measured), per set.
 */
function printHandWritten(threshold: number): void {
  const rows = readFileSync('data/prompt-injection/hand-written.jsonl', 'utf8').trim()
    .split('\n').map((line) => JSON.parse(line) as HandWrittenRow);
  console.log('\nhand-written sets (data/prompt-injection/hand-written.jsonl)');
  for (const set of [...new Set(rows.map((row) => row.set))]) {
    const counts = [1, 0].map((label) => {
      const of = rows.filter((row) => row.set === set && row.label === label);
      const flagged = of.filter((row) => detectInjection(row.text).score >= threshold).length;
      return of.length === 0 ? '' : `${label === 1 ? 'attacks caught' : 'benign flagged'} `
        + `${flagged}/${of.length}`;
    });
    console.log(`  ${set}  ${counts.filter(Boolean).join(', ')}`);
  }
}

function main(): void {
  const threshold = thresholdArgument();
  const rows = readCorpus().filter(isHeldOut);
  const model = loadInjectionModel();

  const started = process.hrtime.bigint();
  const combined = rows.map((row) => detectInjection(row.text, { model }).score);
  const perRowUs = Number(process.hrtime.bigint() - started) / 1e3 / rows.length;
  const signals = rows.map((row) => detectInjection(row.text, { model: null }).score);
  const classifier = rows.map((row) =>
    detectInjection(row.text, { model }).findings.some((f) => f.ruleId === 'injection.classifier'));

  console.log(`held-out repositories: ${rows.length} rows, threshold ${threshold}`);
  printReport('classifier alone (score >= 0.5)', rows, classifier);
  printReport('model-free signals alone', rows, signals.map((score) => score >= threshold));
  const overall = printReport('detector (signals + classifier)', rows,
    combined.map((score) => score >= threshold));
  console.log('\nother thresholds (detector)');
  for (const other of [0.35, 0.4, 0.45, 0.6]) {
    const m = measure(rows, combined.map((score) => score >= other));
    console.log(`  ${other.toFixed(2)}  precision ${(m.precision * 100).toFixed(1)}%  `
      + `recall ${(m.recall * 100).toFixed(1)}%  false positives `
      + `${(m.falsePositiveRate * 100).toFixed(1)}%`);
  }
  printHandWritten(threshold);
  console.log(`\nmean time per row ${perRowUs.toFixed(0)} us`);

  const pass = overall.recall >= TARGET_RECALL
    && overall.falsePositiveRate <= TARGET_FALSE_POSITIVES;
  console.log(pass ? 'targets met' : `below target: recall >= ${TARGET_RECALL * 100}% with `
    + `false positives <= ${TARGET_FALSE_POSITIVES * 100}% required`);
  process.exitCode = pass ? 0 : 1;
}

main();
