import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTEBOOK_FILES, writeNotebookCsvFiles } from '../test-support/notebook-csv.js';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

let dir: string;
beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-notebook-'));
  await writeNotebookCsvFiles(dir, { train: 300, test: 60 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lastEvent(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trimEnd().split('\n').at(-1) as string);
}

describe('the notebook workflow: four CSV files, --preset notebook', () => {
  it("trains on the notebook's file names in the working directory and evaluates the model on them", () => {
    const train = runS4nn(['train', '--preset', 'notebook', '--epochs', '2', '--out', 'run'], dir);
    expect(train.status).toBe(0);
    const runStart = JSON.parse(train.stdout.split('\n')[0]);
    expect(runStart).toMatchObject({
      type: 'run-start',
      dataset: {
        shape: [10, 10],
        train: 300,
        test: 60,
        classNames: ['4', '1', '0', '2', '3', '5'],
      },
    });
    expect(runStart.spec.layers.map((layer: { size: number }) => layer.size)).toEqual([40, 40, 6]);
    const runEnd = lastEvent(train.stdout) as {
      type: string;
      best: { test: { accuracy: number } };
    };
    expect(runEnd.type).toBe('run-end');
    expect(existsSync(join(dir, 'run', 'model', 'model.json'))).toBe(true);

    // The model remembers its data: eval finds the same CSVs and gets the run's figure.
    const evaluation = runS4nn(['eval', '--model', join('run', 'model'), '--json'], dir);
    expect(evaluation.status).toBe(0);
    expect(JSON.parse(evaluation.stdout)).toMatchObject({
      samples: 60,
      accuracy: runEnd.best.test.accuracy,
    });
  });

  it('takes the four files from flags', () => {
    const paths = Object.fromEntries(
      Object.entries(NOTEBOOK_FILES).map(([key, name]) => [key, join(dir, name)]),
    );
    const train = runS4nn([
      'train',
      '--preset',
      'notebook',
      '--train-limit',
      '100',
      '--train-features',
      paths.trainFeatures,
      '--train-labels',
      paths.trainLabels,
      '--test-features',
      paths.testFeatures,
      '--test-labels',
      paths.testLabels,
      '--out',
      join(dir, 'flags-run'),
    ]);
    expect(train.status).toBe(0);
    expect(lastEvent(train.stdout)).toMatchObject({ type: 'run-end', bestEpoch: 1 });
  });
});
