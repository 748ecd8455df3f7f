import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, initWeights, notebookSpec, weightsToNpz } from '@s4nn/core';
import { NOTEBOOK_FILES, writeNotebookCsvFiles } from '../test-support/notebook-csv.js';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

let dir: string;
let elsewhere: string;
beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-notebook-'));
  elsewhere = mkdtempSync(join(tmpdir(), 's4nn-cli-elsewhere-'));
  await writeNotebookCsvFiles(dir, { train: 300, test: 60 });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

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

  it('imports NumPy weights with the data as absolute paths: eval --model works from any directory', () => {
    const spec = notebookSpec();
    writeFileSync(join(dir, 'W.npz'), weightsToNpz(initWeights(spec, createRng(5)), spec));
    const imported = runS4nn(['import', 'W.npz', '--preset', 'notebook', '--out', 'imported'], dir);
    expect(imported.status).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'imported', 'model.json'), 'utf8'));
    expect(model.provenance.dataset.source).toEqual(
      Object.fromEntries(
        Object.entries(NOTEBOOK_FILES).map(([key, name]) => [key, join(dir, name)]),
      ),
    );
    const evaluation = runS4nn(['eval', '--model', join(dir, 'imported'), '--json'], elsewhere);
    expect(evaluation.stderr).toBe('');
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ samples: 60 });
  });
});

describe('the CSV cache of train and eval', () => {
  let project: string;
  beforeAll(async () => {
    // A project directory: its node_modules holds the default cache.
    project = mkdtempSync(join(tmpdir(), 's4nn-cli-cache-'));
    mkdirSync(join(project, 'node_modules'));
    await writeNotebookCsvFiles(project, { train: 100, test: 20 });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const train = (...flags: string[]) => {
    const run = runS4nn(['train', '--preset', 'notebook', ...flags], project);
    expect(run.status).toBe(0);
    const events = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    return { runStart: events[0], runEnd: events.at(-1) };
  };
  const defaultCache = () => join(project, 'node_modules', '.cache', 's4nn');

  it('--no-cache leaves no cache file; by default the second run reads the cache', () => {
    const uncached = train('--no-cache', '--out', 'uncached');
    expect(uncached.runStart.dataset.cache).toBeUndefined();
    const evaluation = runS4nn(['eval', '--model', 'uncached/model', '--no-cache'], project);
    expect(evaluation.status).toBe(0);
    expect(existsSync(join(project, 'node_modules', '.cache'))).toBe(false);

    const first = train('--out', 'first');
    expect(first.runStart.dataset.cache).toEqual({
      train: { path: expect.stringContaining(defaultCache()), hit: false },
      test: { path: expect.stringContaining(defaultCache()), hit: false },
    });
    const second = train('--out', 'second');
    expect(second.runStart.dataset.cache).toEqual({
      train: { ...first.runStart.dataset.cache.train, hit: true },
      test: { ...first.runStart.dataset.cache.test, hit: true },
    });
    // The same samples: the seeded runs end with the same figures (all but the time taken).
    const figures = (run: { runEnd: { best: { test: Record<string, unknown> } } }) => ({
      ...run.runEnd.best.test,
      seconds: undefined,
    });
    expect(figures(second)).toEqual(figures(uncached));
    expect(figures(first)).toEqual(figures(uncached));
  });

  it('--cache-dir puts the cache where it says, for train and eval', () => {
    const cacheDir = join(project, 'my-cache');
    const run = train('--cache-dir', 'my-cache', '--out', 'own-cache');
    expect(run.runStart.dataset.cache.train).toEqual({
      path: expect.stringContaining(cacheDir),
      hit: false,
    });
    rmSync(cacheDir, { recursive: true });
    const evaluation = runS4nn(
      ['eval', '--model', 'own-cache/model', '--cache-dir', cacheDir, '--json'],
      project,
    );
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ samples: 20 });
    expect(existsSync(cacheDir)).toBe(true);
  });
});
