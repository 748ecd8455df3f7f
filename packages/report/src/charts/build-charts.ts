import type { S4nnModel } from '@s4nn/core';
import type { TopLevelSpec } from 'vega-lite';
import { renderVegaLite } from '../render/render-vega-lite.js';
import { confusionRows } from '../rows/confusion-rows.js';
import { decisionTimeHistogram, decisionTradeOff } from '../rows/decision-time-rows.js';
import type { EpochChartFigures } from '../rows/epoch-figures.js';
import { accuracyRows, activityRows, fallbackRows } from '../rows/epoch-rows.js';
import { spikeRaster } from '../rows/raster-rows.js';
import { receptiveFieldGrid } from '../rows/receptive-fields.js';
import type { TestSetEvaluation } from '../run/evaluate-test-set.js';
import type { TestSet } from '../run/test-set.js';
import type { Chart } from './chart.js';
import { accuracySpec, activitySpec, fallbackSpec } from './epoch-charts.js';
import { rasterSpec } from './raster-chart.js';
import { receptiveFieldSvg } from './receptive-field-chart.js';
import { confusionSpec, decisionHistogramSpec, tradeOffSpec } from './test-set-charts.js';

/** What the charts are drawn from; every part is optional (a run may have just started). */
export interface ChartInputs {
  epochs: readonly EpochChartFigures[];
  model?: S4nnModel;
  testSet?: TestSet;
  evaluation?: TestSetEvaluation;
}

/** Bins of the decision-time histogram over 0..tmax. */
const DECISION_TIME_BINS = 32;

/**
 * Draws every chart the inputs allow, as SVG, in page order. A chart without data (no epoch
 * finished yet, no model yet) is left out rather than drawn empty.
 */
export async function buildCharts(inputs: ChartInputs): Promise<Chart[]> {
  const charts: Chart[] = [];
  const add = async (chart: Omit<Chart, 'svg'>, svg: string | Promise<string>) =>
    charts.push({ ...chart, svg: await svg });

  // The per-epoch charts: drawn once at least one epoch has its figures.
  const addEpochChart = async <Row>(
    chart: Omit<Chart, 'svg'>,
    rows: readonly Row[],
    toSpec: (rows: readonly Row[]) => TopLevelSpec,
  ) => {
    if (rows.length > 0) await add(chart, renderVegaLite(toSpec(rows)));
  };

  await addEpochChart(
    {
      name: 'accuracy',
      title: 'Accuracy per epoch',
      caption:
        'Online training accuracy (predictions made while training), validation and test accuracy by the strict rule of spec 3, and test accuracy with ties counted correct, as published.',
    },
    accuracyRows(inputs.epochs),
    accuracySpec,
  );
  await addEpochChart(
    {
      name: 'decision-time-and-spikes',
      title: 'Decision time and spikes per sample',
      caption:
        'Mean time step of the first output spike (tmax when none fired) and mean number of spikes per test sample over hidden and output layers.',
    },
    activityRows(inputs.epochs),
    activitySpec,
  );
  await addEpochChart(
    {
      name: 'fallback',
      title: 'Decided by the fallback',
      caption:
        'Share of test samples on which no output neuron fired, so that the fallback (largest potential at tmax - 3) decided.',
    },
    fallbackRows(inputs.epochs),
    fallbackSpec,
  );
  const { model, testSet, evaluation } = inputs;
  if (model !== undefined && testSet !== undefined && evaluation !== undefined) {
    const tmax = model.spec.tmax;
    const binWidth = Math.max(1, Math.round(tmax / DECISION_TIME_BINS));
    const { batch } = evaluation;
    await add(
      {
        name: 'decision-times',
        title: 'Decision times',
        caption: `When the network decided each of the ${testSet.count} test samples, in bins of ${binWidth} steps; the last bin (t = ${tmax}) holds the samples decided by the fallback. Colour: accuracy within the bin.`,
      },
      renderVegaLite(
        decisionHistogramSpec(decisionTimeHistogram(batch, testSet.labels, tmax, binWidth), tmax),
      ),
    );
    await add(
      {
        name: 'accuracy-by-decision-time',
        title: 'Accuracy as a function of decision time',
        caption:
          'Stopping the network at a time step: the share of test samples already decided, and the share decided correctly. At the right end this is the strict test accuracy.',
      },
      renderVegaLite(tradeOffSpec(decisionTradeOff(batch, testSet.labels, tmax, binWidth), tmax)),
    );
    await add(
      {
        name: 'confusion-matrix',
        title: 'Confusion matrix',
        caption:
          'Test samples by true class (rows) and predicted class (columns); shade: share of the true class.',
      },
      renderVegaLite(
        confusionSpec(
          confusionRows(batch.predictions, testSet.labels, model.classes.names),
          model.classes.names,
        ),
      ),
    );
    const raster = spikeRaster(
      evaluation.sampleInput,
      evaluation.sampleForward,
      tmax,
      model.classes.names,
    );
    const label = model.classes.names[testSet.labels[evaluation.sample]];
    const decided = raster.decision.fallback
      ? `the fallback chose ${raster.decision.className}`
      : `decided ${raster.decision.className} at t = ${raster.decision.time}`;
    await add(
      {
        name: 'spike-raster',
        title: `Spike raster of test sample ${evaluation.sample}`,
        caption: `Every spike of test sample ${evaluation.sample} (class ${label}) through every layer, neuron by time step; the network ${decided} (red).`,
      },
      renderVegaLite(
        rasterSpec(raster, `Test sample ${evaluation.sample} (class ${label}): ${decided}`),
      ),
    );
  }
  if (model !== undefined) {
    const neurons = model.spec.layers[0].size;
    const grid = receptiveFieldGrid(model.weights[0], neurons, model.spec.inputShape);
    await add(
      {
        name: 'receptive-fields',
        title: 'Receptive fields of the first layer',
        caption: `The incoming weights of each of the ${neurons} neurons of the first layer, in the input's shape: red positive, blue negative, white zero, each neuron scaled by its own largest |weight|.`,
      },
      receptiveFieldSvg(grid, `Receptive fields: ${neurons} neurons of layer 1`),
    );
  }
  return charts;
}
