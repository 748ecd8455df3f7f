import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import { makeTinyRun, removeTinyRuns } from './test-support/tiny-run.js';
import { writeReport } from './write-report.js';

const ALL_CHARTS = [
  'accuracy',
  'decision-time-and-spikes',
  'fallback',
  'decision-times',
  'accuracy-by-decision-time',
  'confusion-matrix',
  'spike-raster',
  'receptive-fields',
];

/** Distinct RGBA colours of a decoded PNG (stops counting at `enough`). */
function colourCount(png: PNG, enough = 3): number {
  const colours = new Set<number>();
  const pixels = new Uint32Array(png.data.buffer, png.data.byteOffset, png.data.length / 4);
  for (let p = 0; p < pixels.length && colours.size < enough; p++) colours.add(pixels[p]);
  return colours.size;
}

afterAll(removeTinyRuns);

describe('writeReport', () => {
  it('writes every chart as SVG and PNG and a self-contained page of a finished run', async () => {
    const run = await makeTinyRun({ epochs: 2, finish: true });
    const report = await writeReport(run.dir, { sample: 5 });
    expect(report.page).toBe(path.join(run.dir, 'report', 'index.html'));
    expect(report.charts.map((chart) => chart.name)).toEqual(ALL_CHARTS);
    for (const chart of report.charts) {
      const svg = await fs.readFile(chart.svg, 'utf8');
      expect(svg).toMatch(/^<svg[^>]* width="\d+" height="\d+" viewBox=/);
      expect(svg.length).toBeGreaterThan(1000);
      const png = PNG.sync.read(await fs.readFile(chart.png));
      expect([png.width, png.height]).toEqual([chart.pngWidth, chart.pngHeight]);
      const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
      expect([png.width, png.height]).toEqual([width * 2, height * 2]);
      expect(colourCount(png)).toBeGreaterThan(1);
    }
    const html = await fs.readFile(report.page, 'utf8');
    expect(html.match(/<svg[ >]/g)).toHaveLength(ALL_CHARTS.length);
    // Nothing to fetch: no scripts, no external stylesheets, images or links.
    const fetches = html.match(/<script|<link|@import|url\([^#]|(src|href)="(https?:)?\/\//gi);
    expect(fetches).toBeNull();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<dd>finished</dd>');
    expect(html).toContain('<dd>final model</dd>');
    // The page's accuracy is the run's own figure for the model it shows (the best epoch).
    const runEnd = run.events.find((event) => event.type === 'run-end')!;
    const best = (runEnd.type === 'run-end' ? runEnd.best : undefined)!;
    expect(html).toContain(
      `${(best.test.accuracy * 100).toFixed(2)}% strict, ${(best.test.accuracyTiesCounted * 100).toFixed(2)}% ties counted correct`,
    );
    expect(html).toContain('Spike raster of test sample 5');
    expect(html).toContain('the incoming weights of each of the 6 neurons'.replace('the', 'The'));
  });

  it('reports a run in progress from its events and latest checkpoint', async () => {
    const run = await makeTinyRun({ epochs: 1, finish: false });
    const out = path.join(run.dir, 'elsewhere');
    const report = await writeReport(run.dir, { out });
    expect(report.page).toBe(path.join(out, 'index.html'));
    expect(report.charts.map((chart) => chart.name)).toEqual(ALL_CHARTS);
    const html = await fs.readFile(report.page, 'utf8');
    expect(html).toContain('<dd>in progress (or interrupted)</dd>');
    expect(html).toContain('<dd>checkpoint of epoch 1</dd>');
  });

  it('draws the per-epoch charts only before the first checkpoint, and says so', async () => {
    const run = await makeTinyRun({ epochs: 1, finish: false });
    await fs.rm(path.join(run.dir, 'checkpoints'), { recursive: true });
    await fs.rm(path.join(run.dir, 'model'), { recursive: true });
    const report = await writeReport(run.dir);
    expect(report.charts.map((chart) => chart.name)).toEqual(ALL_CHARTS.slice(0, 3));
    expect(await fs.readFile(report.page, 'utf8')).toContain('No checkpoint has been written yet');
  });

  it('rejects a sample outside the test set', async () => {
    const run = await makeTinyRun({ epochs: 1, finish: true });
    await expect(writeReport(run.dir, { sample: 30 })).rejects.toThrow(
      `report: sample 30 is not in the test set (${path.join(path.dirname(run.dir), 'test.arrow')} has samples 0..29)`,
    );
  });
});
