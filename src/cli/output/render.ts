import { TokenwardenError } from '../../errors/tokenwarden-error.js';

/** Renders rows as an aligned text table (numbers right-aligned). */
export function renderTable(columns: readonly string[], objects: readonly object[]): string {
  const rows = objects as readonly Record<string, unknown>[];
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...cells.map((line) => (line[index] ?? '').length)));
  const numeric = columns.map((column) => rows.some((row) => typeof row[column] === 'number'));
  const line = (values: readonly string[]) => values
    .map((value, index) => numeric[index]
      ? value.padStart(widths[index] ?? 0) : value.padEnd(widths[index] ?? 0))
    .join('  ').trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

/** Renders rows as RFC 4180 CSV with a header line. */
export function renderCsv(columns: readonly string[], objects: readonly object[]): string {
  const rows = objects as readonly Record<string, unknown>[];
  const quote = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => quote(row[c])).join(','))]
    .join('\r\n');
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value.toLocaleString('en-US');
    return value < 1 ? value.toPrecision(3) : value.toFixed(2);
  }
  return String(value);
}

/** Checks a `--format` value against the ones a command supports. */
export function checkFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new TokenwardenError('usage_error',
    `'--format' must be one of ${allowed.join(', ')}: got "${value}"`);
}
