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
