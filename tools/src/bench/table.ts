/** One measured figure of `npm run bench`. */
export interface BenchRow {
  /** Area of the project: `data`, `encoding`, `core`, `serve`... */
  section: string;
  /** What was measured, e.g. `MNIST IDX -> Arrow (60000 x 784)`. */
  case: string;
  /** The figure, already rounded for display. */
  value: number;
  /** Its unit, e.g. `ms`, `MB/s`, `samples/s`. */
  unit: string;
  /** Free text: the target, a ratio against the reference, the thread count... */
  note?: string;
}

/** A benchmark section: runs its cases and returns their rows. */
export type BenchSection = () => Promise<BenchRow[]>;

/** Renders rows as an aligned plain-text table. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'case', 'value', 'unit', 'note'];
  const cells = rows.map((r) => [r.section, r.case, formatValue(r.value), r.unit, r.note ?? '']);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}
