import type { TopLevelSpec } from 'vega-lite';
import type { ConfusionRow } from '../rows/confusion-rows.js';
import type { DecisionTimeBin, TradeOffRow } from '../rows/decision-time-rows.js';
import { CHART_CONFIG, CHART_WIDTH } from './chart.js';

/** Histogram of test decision times; the bar's shade is the accuracy within the bin. */
export function decisionHistogramSpec(
  bins: readonly DecisionTimeBin[],
  tmax: number,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Decision times on the test set',
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: 220,
    data: { values: bins as DecisionTimeBin[] },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'binStart',
        type: 'quantitative',
        title: 'decision time (steps)',
        scale: { domain: [0, tmax + 1] },
      },
      x2: { field: 'binEnd' },
      y: { field: 'count', type: 'quantitative', title: 'samples' },
      color: {
        field: 'accuracy',
        type: 'quantitative',
        title: 'accuracy in bin',
        scale: { scheme: 'viridis', domain: [0, 1] },
        legend: { format: '%' },
      },
    },
  };
}

/** The early-decision trade-off: decided and correctly decided shares against the deadline. */
export function tradeOffSpec(rows: readonly TradeOffRow[], tmax: number): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Accuracy as a function of decision time',
    config: CHART_CONFIG,
    width: CHART_WIDTH,
    height: 220,
    data: { values: rows as TradeOffRow[] },
    transform: [
      {
        fold: ['decidedShare', 'correctShare'],
        as: ['measure', 'share'],
      },
      {
        calculate:
          "datum.measure === 'decidedShare' ? 'decided by then' : 'decided correctly by then'",
        as: 'measure',
      },
    ],
    mark: { type: 'line', interpolate: 'step-before', point: { size: 12 } },
    encoding: {
      x: {
        field: 'time',
        type: 'quantitative',
        title: 'stop the network at time step',
        scale: { domain: [0, tmax + 1] },
      },
      y: {
        field: 'share',
        type: 'quantitative',
        title: 'share of test samples',
        axis: { format: '%' },
      },
      color: { field: 'measure', type: 'nominal', title: null },
    },
  };
}

/** Confusion matrix: true class by row, prediction by column, shade = share of the true class. */
export function confusionSpec(
  rows: readonly ConfusionRow[],
  classNames: readonly string[],
): TopLevelSpec {
  const side = Math.min(CHART_WIDTH, Math.max(160, classNames.length * 36));
  const order = [...classNames];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Confusion matrix (test set)',
    config: CHART_CONFIG,
    width: side,
    height: side,
    data: { values: rows as ConfusionRow[] },
    encoding: {
      x: { field: 'predicted', type: 'ordinal', sort: order, title: 'predicted class' },
      y: { field: 'label', type: 'ordinal', sort: order, title: 'true class' },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'shareOfLabel',
            type: 'quantitative',
            title: 'share of class',
            scale: { scheme: 'blues', domain: [0, 1] },
            legend: { format: '%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: classNames.length > 12 ? 8 : 11 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: {
            condition: { test: 'datum.shareOfLabel > 0.5', value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  };
}
