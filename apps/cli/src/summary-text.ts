import type { DatasetSummary } from './dataset-summary.js';

/** Classes listed one a line before the rest are summed up, so a summary fits on one screen. */
const MAX_CLASS_LINES = 20;

/**
 * Renders a dataset summary as a few aligned lines for a terminal.
 *
 * @example
 * ```ts
 * process.stdout.write(formatSummary(summary));
 * ```
 */
export function formatSummary(summary: DatasetSummary): string {
  const { declared, observed } = summary.valueRange;
  const range = (r: readonly [number, number]) => `${r[0]} .. ${r[1]}`;
  const lines = [
    `file     ${summary.file}`,
    `rows     ${summary.rows}`,
    `shape    ${summary.shape.join(' x ')} (${summary.width} ${summary.valueType} values a row)`,
    `values   ${observed ? range(observed) : 'none'} (declared ${range(declared)})`,
    `classes  ${summary.classes.length}`,
  ];
  const nameWidth = Math.max(...summary.classes.map((c) => c.name.length), 0);
  for (const c of summary.classes.slice(0, MAX_CLASS_LINES)) {
    lines.push(`  ${String(c.label).padStart(3)}  ${c.name.padEnd(nameWidth)}  ${c.count}`);
  }
  const hidden = summary.classes.slice(MAX_CLASS_LINES);
  if (hidden.length > 0) {
    const rows = hidden.reduce((sum, c) => sum + c.count, 0);
    lines.push(`  ... ${hidden.length} more classes, ${rows} rows`);
  }
  const steps = Object.entries(summary.timings);
  const total = steps.reduce((sum, [, ms]) => sum + ms, 0);
  const detail =
    steps.length > 1 ? ` (${steps.map(([s, ms]) => `${s} ${seconds(ms)}`).join(', ')})` : '';
  lines.push(`time     ${seconds(total)}${detail}`);
  return `${lines.join('\n')}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
