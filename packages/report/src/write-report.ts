import fs from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile, loadModel, summariseBatch, type S4nnModel } from '@s4nn/core';
import { buildCharts } from './charts/build-charts.js';
import type { Chart } from './charts/chart.js';
import { reportPage, type PageSummary } from './page/report-page.js';
import { svgToPng } from './render/svg-to-png.js';
import { epochFigures, type EpochChartFigures } from './rows/epoch-figures.js';
import { evaluateTestSet, type TestSetEvaluation } from './run/evaluate-test-set.js';
import { readRunDirectory, type RunDirectory } from './run/run-directory.js';
import { loadTestSet, type TestSet } from './run/test-set.js';

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** Directory for the page and chart files. Default `<runDir>/report`. */
  out?: string;
  /** Test-set index of the sample whose spike raster is drawn. Default 0. */
  sample?: number;
  /** Engine that evaluates the test set (default: the best available). */
  engine?: string;
  /** Worker threads of that evaluation (default 0). */
  threads?: number;
  /** PNG pixels per SVG unit. Default 2. */
  pngScale?: number;
}

/** One chart as written: its files and the PNG's size in pixels. */
export interface ReportChartFile {
  name: string;
  title: string;
  svg: string;
  png: string;
  pngWidth: number;
  pngHeight: number;
}

/** What {@link writeReport} wrote. */
export interface Report {
  /** Path of the HTML page. */
  page: string;
  charts: ReportChartFile[];
}

/** The name of the page inside the output directory. */
export const REPORT_PAGE = 'index.html';

/**
 * Writes the report of a run directory (finished, or in progress: from its events and latest
 * checkpoint): `index.html`, a self-contained page, and each chart as `<name>.svg` and
 * `<name>.png`. Every file is written to a temporary name and renamed.
 *
 * ## Example
 * ```ts
 * const { page } = await writeReport('runs/2026-12-04T20-00-00', { sample: 7 });
 * console.log(page); // runs/2026-12-04T20-00-00/report/index.html
 * ```
 */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<Report> {
  const run = await readRunDirectory(runDir);
  const epochs = epochFigures(run.events);
  const notes: string[] = [];
  const model = run.modelDir === undefined ? undefined : await loadModel(run.modelDir);
  if (model === undefined) {
    notes.push(
      'No checkpoint has been written yet: the charts of the model and the test set will follow.',
    );
  }
  const testSet =
    model === undefined ? undefined : await loadTestSet(run.config, run.configFile, model.encoder);
  if (model !== undefined && testSet === undefined) {
    notes.push(
      'The run has no config.json naming its test set, so the charts of test-set decisions are left out.',
    );
  }
  const evaluation =
    model === undefined || testSet === undefined
      ? undefined
      : await evaluateTestSet(model, testSet, {
          ...(options.sample === undefined ? {} : { sample: options.sample }),
          ...(options.engine === undefined ? {} : { engine: options.engine }),
          ...(options.threads === undefined ? {} : { threads: options.threads }),
        });
  if (epochs.length === 0)
    notes.push('No epoch has finished yet: the per-epoch charts will follow.');
  const charts = await buildCharts({ epochs, model, testSet, evaluation });

  const out = options.out ?? path.join(runDir, 'report');
  await fs.mkdir(out, { recursive: true });
  const files = await Promise.all(
    charts.map((chart) => writeChart(out, chart, options.pngScale ?? 2)),
  );
  const page = path.join(out, REPORT_PAGE);
  const summary = pageSummary(run, epochs, model, testSet, evaluation, notes);
  await atomicWriteFile(page, reportPage(summary, charts));
  return { page, charts: files };
}

async function writeChart(out: string, chart: Chart, scale: number): Promise<ReportChartFile> {
  const svg = path.join(out, `${chart.name}.svg`);
  const png = path.join(out, `${chart.name}.png`);
  const image = svgToPng(chart.svg, scale);
  await atomicWriteFile(svg, chart.svg);
  await atomicWriteFile(png, image.png);
  return {
    name: chart.name,
    title: chart.title,
    svg,
    png,
    pngWidth: image.width,
    pngHeight: image.height,
  };
}

function pageSummary(
  run: RunDirectory,
  epochs: readonly EpochChartFigures[],
  model: S4nnModel | undefined,
  testSet: TestSet | undefined,
  evaluation: TestSetEvaluation | undefined,
  notes: string[],
): PageSummary {
  const last = epochs.at(-1);
  const percent = (share: number) => `${(share * 100).toFixed(2)}%`;
  const facts: [string, string][] = [
    ['run', path.resolve(run.dir)],
    ['status', run.finished ? 'finished' : 'in progress (or interrupted)'],
    ['epochs finished', String(last?.epoch ?? 0)],
  ];
  if (model !== undefined) {
    const shape = [
      model.spec.inputShape.join('x'),
      ...model.spec.layers.map((layer) => layer.size),
    ];
    facts.push(['network', `${shape.join('-')}, tmax ${model.spec.tmax}`]);
    facts.push(['model shown', run.modelLabel ?? '']);
  }
  if (testSet !== undefined && evaluation !== undefined) {
    const summary = summariseBatch(evaluation.batch, testSet.labels);
    facts.push(['test set', `${testSet.source}, ${testSet.count} samples`]);
    facts.push([
      'test accuracy of the model shown',
      `${percent(summary.accuracy)} strict, ${percent(summary.accuracyTiesCounted)} ties counted correct`,
    ]);
    facts.push(['decided by the fallback', `${summary.fallbackCount} of ${summary.count} samples`]);
  }
  return { title: `s4nn report: ${path.basename(path.resolve(run.dir))}`, facts, notes };
}
