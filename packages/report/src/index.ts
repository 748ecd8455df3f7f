// @s4nn/report: a run directory -> a self-contained HTML page and each chart as SVG and PNG.
export {
  writeReport,
  REPORT_PAGE,
  type Report,
  type ReportChartFile,
  type ReportOptions,
} from './write-report.js';
export { readRunDirectory, type RunDirectory } from './run/run-directory.js';
export { parseRunEvents, readRunEvents, EVENTS_FILE, type RunEvent } from './run/run-events.js';
export { loadTestSet, type TestSet } from './run/test-set.js';
export {
  evaluateTestSet,
  type EvaluateTestSetOptions,
  type TestSetEvaluation,
} from './run/evaluate-test-set.js';
export { epochFigures, type EpochChartFigures } from './rows/epoch-figures.js';
export {
  accuracyRows,
  activityRows,
  fallbackRows,
  ACCURACY_SERIES,
  ACTIVITY_MEASURES,
  type AccuracyRow,
  type ActivityRow,
  type FallbackRow,
} from './rows/epoch-rows.js';
export {
  decisionTimeHistogram,
  decisionTradeOff,
  type DecisionTimeBin,
  type Decisions,
  type TradeOffRow,
} from './rows/decision-time-rows.js';
export { confusionRows, type ConfusionRow } from './rows/confusion-rows.js';
export {
  spikeRaster,
  type RasterDecision,
  type SpikeRaster,
  type SpikeRow,
} from './rows/raster-rows.js';
export { receptiveFieldGrid, type ReceptiveFieldGrid } from './rows/receptive-fields.js';
export { buildCharts, type ChartInputs } from './charts/build-charts.js';
export type { Chart } from './charts/chart.js';
export { renderVegaLite } from './render/render-vega-lite.js';
export { svgToPng, type PngImage } from './render/svg-to-png.js';
