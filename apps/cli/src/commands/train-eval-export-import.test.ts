import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

// The paper network on the first MNIST samples: small enough for seconds, real enough to learn.
const SMALL = ['--train-limit', '300', '--test-limit', '100'];

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-train-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parseLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('s4nn train -> eval -> export -> import -> eval', () => {
  it('keeps the accuracy identical through every step', () => {
    const run = join(dir, 'run');
    const train = runS4nn(['train', ...SMALL, '--epochs', '2', '--seed', '3', '--out', run]);
    expect(train.status).toBe(0);

    // Piped stdout: one JSON object per event per line, nothing else.
    const events = parseLines(train.stdout);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-end');
    expect(types.filter((type) => type === 'epoch-end')).toHaveLength(2);
    expect(types.filter((type) => type === 'checkpoint')).toHaveLength(2);
    const runEnd = events.at(-1) as {
      modelPath: string;
      best: { test: { accuracy: number; samples: number } };
    };
    expect(runEnd.modelPath).toBe(join(run, 'model'));
    expect(runEnd.best.test.samples).toBe(100);
    // The run directory's log holds the same events; the human summary went to stderr.
    expect(readFileSync(join(run, 'events.ndjson'), 'utf8')).toBe(train.stdout);
    expect(existsSync(join(run, 'config.json'))).toBe(true);
    expect(train.stderr).toMatch(/^test accuracy \d+\.\d\d% on 100 samples \(epoch 2\)$/m);
    expect(train.stderr).toContain(`eval --model ${join(run, 'model')}`);
    expect(train.stderr).toContain(`export --model ${join(run, 'model')} --format npz`);

    const evalModel = runS4nn(['eval', '--model', runEnd.modelPath, '--limit', '100', '--json']);
    expect(evalModel).toMatchObject({ status: 0, stderr: '' });
    const figures = JSON.parse(evalModel.stdout);
    expect(figures.samples).toBe(100);
    expect(figures.accuracy).toBe(runEnd.best.test.accuracy);
    for (const field of [
      'accuracyTiesCounted',
      'accuracyLowestIndex',
      'accuracyNoFallback',
      'fallbackDecided',
      'meanDecisionTime',
      'seconds',
    ]) {
      expect(typeof figures[field]).toBe('number');
    }
    expect(figures.meanSpikes.perLayer).toHaveLength(2);
    expect(figures.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(100);

    const npz = join(dir, 'weights.npz');
    expect(
      runS4nn(['export', '--model', runEnd.modelPath, '--format', 'npz', '--out', npz]).status,
    ).toBe(0);
    const imported = join(dir, 'imported');
    expect(runS4nn(['import', npz, '--preset', 'paper-mnist', '--out', imported]).status).toBe(0);

    const evalImported = runS4nn(['eval', '--model', imported, '--limit', '100', '--json']);
    const evalWeights = runS4nn([
      'eval',
      '--weights',
      npz,
      '--preset',
      'paper-mnist',
      '--limit',
      '100',
      '--json',
    ]);
    for (const again of [evalImported, evalWeights]) {
      expect(again.status).toBe(0);
      const { seconds: _s1, network: _n1, ...same } = JSON.parse(again.stdout);
      const { seconds: _s2, network: _n2, ...expected } = figures;
      expect(same).toEqual(expected);
    }
  });

  it('writes one prediction line per sample that agrees with the figures, and a text summary without --json', () => {
    const run = join(dir, 'predict-run');
    expect(runS4nn(['train', ...SMALL, '--out', run]).status).toBe(0);
    const file = join(dir, 'predictions.ndjson');
    const evaluation = runS4nn([
      'eval',
      '--model',
      join(run, 'model'),
      '--limit',
      '50',
      '--predictions',
      file,
      '--json',
    ]);
    expect(evaluation.status).toBe(0);
    const { accuracy, classNames, meanDecisionTime } = JSON.parse(evaluation.stdout);
    const lines = parseLines(readFileSync(file, 'utf8')) as {
      index: number;
      label: number;
      prediction: number;
      class: string;
      decisionTime: number;
      outputTimes: number[];
    }[];
    expect(lines.map((line) => line.index)).toEqual([...Array(50).keys()]);
    expect(lines.filter((line) => line.label === line.prediction).length / 50).toBe(accuracy);
    expect(lines.reduce((sum, line) => sum + line.decisionTime, 0) / 50).toBeCloseTo(
      meanDecisionTime,
      10,
    );
    for (const line of lines) {
      expect(line.class).toBe(classNames[line.prediction]);
      expect(line.outputTimes).toHaveLength(10);
      // The decision time is the winner's firing time, or tmax when no output fired (spec 3).
      expect(line.decisionTime).toBe(
        Math.min(...line.outputTimes) === 256 ? 256 : line.outputTimes[line.prediction],
      );
    }

    const text = runS4nn(['eval', '--model', join(run, 'model'), '--limit', '20']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^data {6}the bundled MNIST, test split: 20 samples$/m);
    expect(text.stdout).toMatch(/^accuracy {2}\d+\.\d\d% strict/m);
    expect(text.stdout).toMatch(/^confusion rows: label, columns: prediction$/m);
  });
});
