import type { TopLevelSpec } from 'vega-lite';
import type { AccuracyRow, ActivityRow, FallbackRow } from '../rows/epoch-rows.js';
import { CHART_CONFIG, CHART_WIDTH } from './chart.js';

/** Accuracy per epoch, one line per series (online training, validation, test strict / ties). */
export function accuracySpec(rows: readonly AccuracyRow[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Accuracy per epoch',
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: 260,
    data: { values: rows as AccuracyRow[] },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', axis: { tickMinStep: 1, format: 'd' } },
      y: {
        field: 'accuracy',
        type: 'quantitative',
        axis: { format: '%' },
        scale: { zero: false },
      },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

/** Mean decision time and spikes per sample per epoch, side by side on their own scales. */
export function activitySpec(rows: readonly ActivityRow[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Decision time and spikes per sample (test set)',
    config: CHART_CONFIG,
    data: { values: rows as ActivityRow[] },
    facet: { row: { field: 'measure', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: CHART_WIDTH,
      height: 130,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', axis: { tickMinStep: 1, format: 'd' } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    },
  };
}

/** Share of test samples decided by the fallback (no output spike) per epoch. */
export function fallbackSpec(rows: readonly FallbackRow[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Share of test samples decided by the fallback',
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: 160,
    data: { values: rows as FallbackRow[] },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'epoch', type: 'ordinal' },
      y: { field: 'fallbackShare', type: 'quantitative', title: 'share', axis: { format: '%' } },
    },
  };
}
