import type { EpochFigures } from '@s4nn/train';
import { duration, percent } from '../figures-format.js';

interface Column {
  header: string;
  width: number;
  value: (figures: EpochFigures) => string;
}

const dash = '-';

// Spec 6, per epoch: online training accuracy; validation and test accuracy (strict, ties
// counted, fallback counted wrong); share without output spike; mean decision time; mean
// spikes per sample; dead neurons re-drawn; wall time; samples per second.
const columns: readonly Column[] = [
  { header: 'epoch', width: 5, value: (f) => String(f.epoch) },
  { header: 'train', width: 7, value: (f) => percent(f.training.accuracy) },
  {
    header: 'valid',
    width: 7,
    value: (f) => (f.validation ? percent(f.validation.accuracy) : dash),
  },
  { header: 'test', width: 7, value: (f) => percent(f.test.accuracy) },
  { header: 'ties ok', width: 7, value: (f) => percent(f.test.accuracyTiesCounted) },
  { header: 'no-fb', width: 7, value: (f) => percent(f.test.accuracyNoFallback) },
  { header: 'fallbk', width: 7, value: (f) => percent(f.test.fallbackShare) },
  { header: 't_dec', width: 6, value: (f) => f.test.meanDecisionTime.toFixed(1) },
  { header: 'spikes', width: 7, value: (f) => f.test.meanSpikes.total.toFixed(1) },
  {
    header: 'dead',
    width: 5,
    value: (f) => String(f.deadNeuronsRedrawn.reduce((a, b) => a + b, 0)),
  },
  { header: 'time', width: 10, value: (f) => duration(f.seconds) },
  { header: 'smp/s', width: 6, value: (f) => String(Math.round(f.training.samplesPerSecond)) },
];

function line(cells: readonly string[]): string {
  return cells.map((cell, i) => cell.padStart(columns[i].width)).join('  ');
}

/**
 * The header of the per-epoch table: `test`, `ties ok` and `no-fb` are the test accuracy
 * strict, with ties counted correct, and with fallback-decided samples counted wrong; `fallbk`
 * the test share without an output spike; `t_dec` and `spikes` test means.
 *
 * @example
 * ```ts
 * process.stdout.write(`${epochTableHeader()}\n${epochTableRow(event)}\n`);
 * ```
 */
export function epochTableHeader(): string {
  return line(columns.map((column) => column.header));
}

/** One epoch's row under {@link epochTableHeader}. */
export function epochTableRow(figures: EpochFigures): string {
  return line(columns.map((column) => column.value(figures)));
}
