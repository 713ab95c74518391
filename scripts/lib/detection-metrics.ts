import type { CorpusRow } from './injection-corpus.js';

/** Counts and rates of one evaluation. */
export interface Metrics {
  readonly rows: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly positives: number;
  readonly negatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
}

/** Metrics of `flagged` (one boolean per row) against the rows' labels. */
export function measure(rows: readonly CorpusRow[], flagged: readonly boolean[]): Metrics {
  let truePositives = 0;
  let falsePositives = 0;
  let positives = 0;

  rows.forEach((row, i) => {
    if (row.label === 1) positives += 1;
    if (!flagged[i]) return;
    if (row.label === 1) truePositives += 1;
    else falsePositives += 1;
  });

  const negatives = rows.length - positives;
  const predicted = truePositives + falsePositives;
  return {
    rows: rows.length, truePositives, falsePositives, positives, negatives,
    precision: predicted > 0 ? truePositives / predicted : 1,
    recall: positives > 0 ? truePositives / positives : 1,
    falsePositiveRate: negatives > 0 ? falsePositives / negatives : 0,
  };
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(6);
}

/** Prints overall metrics then one line per kind. */
export function printReport(title: string, rows: readonly CorpusRow[],
  flagged: readonly boolean[]): Metrics {
  const overall = measure(rows, flagged);
  console.log(`\n${title}`);
  console.log(`  overall      rows ${String(overall.rows).padStart(5)}  precision ${pct(overall.precision)}`
    + `  recall ${pct(overall.recall)}  false positives ${pct(overall.falsePositiveRate)}`);

  const kinds = [...new Set(rows.map((row) => row.kind))].sort();
  for (const kind of kinds) {
    const index = rows.flatMap((row, i) => (row.kind === kind ? [i] : []));
    const m = measure(index.map((i) => rows[i] as CorpusRow), index.map((i) => !!flagged[i]));
    const rate = m.positives > 0 ? `recall ${pct(m.recall)}` : `false positives ${pct(m.falsePositiveRate)}`;
    console.log(`  ${kind.padEnd(22)} rows ${String(m.rows).padStart(5)}  ${rate}`);
  }
  return overall;
}
