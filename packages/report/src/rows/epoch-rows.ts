import type { EpochChartFigures } from './epoch-figures.js';

/** One point of the accuracy-per-epoch chart. */
export interface AccuracyRow {
  epoch: number;
  series: string;
  accuracy: number;
}

/** One point of the decision-time and spikes chart. */
export interface ActivityRow {
  epoch: number;
  measure: string;
  value: number;
}

/** One point of the fallback chart. */
export interface FallbackRow {
  epoch: number;
  fallbackShare: number;
}

/** The series names of the accuracy chart, in legend order. */
export const ACCURACY_SERIES = {
  onlineTrainAccuracy: 'online training',
  validationAccuracy: 'validation',
  testAccuracy: 'test (strict)',
  testAccuracyTiesCounted: 'test (ties counted correct)',
} as const;

/** The measures of the activity chart. */
export const ACTIVITY_MEASURES = {
  meanDecisionTime: 'mean decision time (steps)',
  meanSpikes: 'spikes per sample',
} as const;

/**
 * Rows of the accuracy chart: one per epoch and reported series (long format).
 *
 * ## Example
 * ```ts
 * accuracyRows([{ epoch: 1, testAccuracy: 0.8 }]); // [{ epoch: 1, series: 'test (strict)', accuracy: 0.8 }]
 * ```
 */
export function accuracyRows(epochs: readonly EpochChartFigures[]): AccuracyRow[] {
  return longRows(epochs, ACCURACY_SERIES).map(({ epoch, name, value }) => ({
    epoch,
    series: name,
    accuracy: value,
  }));
}

/** Rows of the mean-decision-time and spikes-per-sample chart (long format). */
export function activityRows(epochs: readonly EpochChartFigures[]): ActivityRow[] {
  return longRows(epochs, ACTIVITY_MEASURES).map(({ epoch, name, value }) => ({
    epoch,
    measure: name,
    value,
  }));
}

/** Rows of the fallback chart: the share of test samples decided by the fallback per epoch. */
export function fallbackRows(epochs: readonly EpochChartFigures[]): FallbackRow[] {
  return epochs
    .filter((figures) => figures.fallbackShare !== undefined)
    .map((figures) => ({ epoch: figures.epoch, fallbackShare: figures.fallbackShare! }));
}

function longRows(
  epochs: readonly EpochChartFigures[],
  names: Partial<Record<keyof EpochChartFigures, string>>,
): { epoch: number; name: string; value: number }[] {
  const rows: { epoch: number; name: string; value: number }[] = [];
  for (const figures of epochs) {
    for (const [field, name] of Object.entries(names)) {
      const value = figures[field as keyof EpochChartFigures];
      if (value !== undefined && name !== undefined)
        rows.push({ epoch: figures.epoch, name, value });
    }
  }
  return rows;
}
