import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNotebookCsvFiles } from '../test-support/notebook-csv.js';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

let dir: string;
beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-report-'));
  await writeNotebookCsvFiles(dir, { train: 120, test: 40 });
  const train = runS4nn(['train', '--preset', 'notebook', '--epochs', '1', '--out', 'run'], dir);
  if (train.status !== 0) throw new Error(`s4nn train failed: ${train.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('s4nn report', () => {
  it('writes the page and every chart as SVG and PNG, and prints the path of the page', () => {
    const report = runS4nn(['report', 'run', '--sample', '3'], dir);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toBe(`${join('run', 'report', 'index.html')}\n`);
    const files = readdirSync(join(dir, 'run', 'report'));
    expect(files.filter((file) => file.endsWith('.svg'))).toHaveLength(8);
    expect(files.filter((file) => file.endsWith('.png'))).toHaveLength(8);
    const page = readFileSync(join(dir, 'run', 'report', 'index.html'), 'utf8');
    expect(page).toContain('Spike raster of test sample 3');
    expect(page).toContain('40 samples');
  });

  it('writes to --out', () => {
    const report = runS4nn(['report', 'run', '--out', 'elsewhere'], dir);
    expect(report.status).toBe(0);
    expect(report.stdout).toBe(`${join('elsewhere', 'index.html')}\n`);
    expect(existsSync(join(dir, 'elsewhere', 'receptive-fields.png'))).toBe(true);
  });

  it('works from any directory: the run keeps its data paths absolute', () => {
    const config = JSON.parse(readFileSync(join(dir, 'run', 'config.json'), 'utf8'));
    expect(config.data.testFeatures).toBe(join(dir, 'data_train_test.csv'));
    const elsewhere = tmpdir();
    const report = runS4nn(
      ['report', join(dir, 'run'), '--out', join(dir, 'from-afar')],
      elsewhere,
    );
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(readFileSync(join(dir, 'from-afar', 'index.html'), 'utf8')).toContain('40 samples');
    const evaluation = runS4nn(['eval', '--model', join(dir, 'run', 'model'), '--json'], elsewhere);
    expect(evaluation.status).toBe(0);
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ samples: 40 });
  });

  it('is written at the end of `s4nn train --report`, which prints the path of its page', () => {
    const train = runS4nn(
      ['train', '--preset', 'notebook', '--epochs', '1', '--out', 'reported', '--report'],
      dir,
    );
    expect(train.status).toBe(0);
    const page = join('reported', 'report', 'index.html');
    expect(train.stderr).toContain(`\nreport    ${page}\n`);
    expect(readFileSync(join(dir, page), 'utf8')).toContain('40 samples');
    expect(
      readdirSync(join(dir, 'reported', 'report')).filter((f) => f.endsWith('.png')),
    ).toHaveLength(8);
  });

  it('exits 2 on a missing run directory or a bad --sample, 1 on a sample beyond the test set', () => {
    const missing = runS4nn(['report', 'no-such-run'], dir);
    expect([missing.status, missing.stderr.trim()]).toEqual([
      2,
      's4nn: run directory not found: no-such-run',
    ]);
    const negative = runS4nn(['report', 'run', '--sample', '-1'], dir);
    expect(negative.status).toBe(2);
    expect(negative.stderr).toContain('--sample');
    const beyond = runS4nn(['report', 'run', '--sample', '40'], dir);
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toContain('report: sample 40 is not in the test set');
  });
});
