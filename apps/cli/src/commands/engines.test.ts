import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRng,
  initWeights,
  installedNativeBackends,
  paperMnistSpec,
  saveModel,
  TFJS_GPU_INSTALL_HINT,
} from '@s4nn/core';
import { requireBuiltCli, runS4nn } from '../test-support/run-s4nn.js';

let dir: string;
let model: string;
beforeAll(async () => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 's4nn-cli-engines-'));
  model = join(dir, 'model');
  const spec = paperMnistSpec();
  await saveModel(model, {
    spec,
    weights: initWeights(spec, createRng(3)),
    encoder: { type: 'latency', tmax: spec.tmax, maxValue: 255 },
    classes: { names: Array.from({ length: 10 }, (_, k) => String(k)) },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TINY = ['--train-limit', '20', '--test-limit', '10', '--epochs', '1'];

describe('s4nn info --engines', () => {
  it('lists every engine, its availability, and what tfjs auto picks with the native packages installed', () => {
    const run = runS4nn(['info', '--engines', '--json']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const engines = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(engines.map((engine) => engine.name)).toEqual(['event', 'tfjs']);
    expect(engines[0]).toMatchObject({ priority: 1, available: true, default: true });
    expect(engines[0].detail).toMatch(/^typed-arrays on the cpu/);
    const native = installedNativeBackends().map((candidate) => candidate.name);
    expect(engines[1]).toMatchObject({ available: true, default: false, nativeInstalled: native });
    expect(engines[1].detail).toMatch(/^auto picks (tensorflow|wasm|cpu) \(@tensorflow\/tfjs-/);
    expect(engines[1].installHint).toBe(native.length === 0 ? TFJS_GPU_INSTALL_HINT : undefined);

    const text = runS4nn(['info', '--engines']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^event \(priority 1, available, the default\): typed-arrays/m);
    expect(text.stdout).toMatch(/^tfjs \(priority 0, available\): auto picks /m);
  });

  it('exits 2 with neither a file nor --engines, or with both', () => {
    expect(runS4nn(['info'])).toMatchObject({
      status: 2,
      stderr: 's4nn: give a dataset file (or --engines)\n',
    });
    expect(runS4nn(['info', 'a.arrow', '--engines']).status).toBe(2);
  });
});

describe('--engine tfjs --backend', () => {
  it('trains on the backend asked for and says so in run-start; eval shows it too', () => {
    const out = join(dir, 'tfjs-run');
    const run = runS4nn(['train', ...TINY, '--engine', 'tfjs', '--backend', 'cpu', '--out', out]);
    expect(run.status).toBe(0);
    const start = JSON.parse(run.stdout.split('\n', 1)[0]);
    expect(start).toMatchObject({
      type: 'run-start',
      engine: 'tfjs',
      engineInfo: { engine: 'tfjs', backend: 'cpu', device: 'cpu' },
      options: { engine: 'tfjs', backend: 'cpu' },
    });

    const evaluation = runS4nn([
      'eval',
      '--model',
      model,
      '--limit',
      '10',
      '--engine',
      'tfjs',
      '--backend',
      'wasm',
    ]);
    expect(evaluation.status).toBe(0);
    expect(evaluation.stdout).toMatch(
      /^network {3}.*, 784-400-10, tfjs engine, wasm backend on the cpu$/m,
    );
    const json = runS4nn(['eval', '--model', model, '--limit', '10', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      engine: 'event',
      engineInfo: { engine: 'event', backend: 'typed-arrays', device: 'cpu' },
    });
  });

  it('is bad usage with another engine, naming the flag', () => {
    const cases = [
      ['train', ...TINY, '--backend', 'wasm'],
      ['eval', '--model', model, '--engine', 'event', '--backend', 'cpu'],
      ['predict', '--model', model, '--backend', 'cpu'],
      ['serve', '--model', model, '--backend', 'cpu'],
    ];
    for (const args of cases) {
      const run = runS4nn(args);
      expect([args[0], run.status]).toEqual([args[0], 2]);
      expect(run.stderr).toMatch(
        /^s4nn: --backend applies to --engine tfjs only \((no --engine was given|the engine is event)\)\n$/,
      );
    }
    const unknown = runS4nn(['train', '--engine', 'tfjs', '--backend', 'gpu']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--backend <name>.*'gpu' is invalid/);
  });
});
