import type { DatasetSummary } from './dataset-summary.js';
import { formatSummary } from './summary-text.js';

/** Writes a summary to stdout: aligned text, or one JSON document with `json`. */
export function printSummary(summary: DatasetSummary, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
}
