/**
 * Bench section `train`: one epoch of the `paper-mnist` preset through `train$` on the first
 * 10000 MNIST training images with the event engine (training samples/s and the projected
 * seconds per full 60000-sample epoch), then `evaluate` of the model it trained on the 10000
 * test images, in the calling thread and on 2 worker threads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, lastValueFrom, toArray } from 'rxjs';
import { loadModel } from '@s4nn/core';
import {
  evaluate,
  loadSamples,
  resolveTrainOptions,
  train$,
  type EpochEndEvent,
} from '@s4nn/train';
import type { BenchRow, BenchSection } from './table.js';

const TRAIN_SAMPLES = 10000;
const NOTE = 'event engine; 2 shared cores, noisy';

export const trainBench: BenchSection = async () => {
  const outDir = await mkdtemp(join(tmpdir(), 's4nn-bench-train-'));
  try {
    const options = resolveTrainOptions({
      preset: 'paper-mnist',
      overrides: {
        trainLimit: TRAIN_SAMPLES,
        outDir: join(outDir, 'run'),
        progressThrottleMs: 60000,
      },
    });
    const [end] = (await lastValueFrom(
      train$(options).pipe(
        filter((event) => event.type === 'epoch-end'),
        toArray(),
      ),
    )) as EpochEndEvent[];
    const rows: BenchRow[] = [
      {
        section: 'train',
        case: `paper-mnist trainStep, first ${TRAIN_SAMPLES} MNIST images`,
        value: Math.round(end.training.samplesPerSecond),
        unit: 'samples/s',
        note: `${NOTE}; reference NumPy 5.2 ms/sample = 192 samples/s`,
      },
      {
        section: 'train',
        case: 'paper-mnist epoch of 60000, projected',
        value: Math.round((60000 / end.training.samplesPerSecond) * 10) / 10,
        unit: 's',
        note: `${NOTE}; training only, from the row above`,
      },
    ];
    const test = await loadSamples(options, 'test');
    const model = await loadModel(join(outDir, 'run', 'model'));
    for (const threads of [0, 2]) {
      // Best of 2: the first call with threads also starts the workers.
      const seconds = [];
      for (let run = 0; run < 2; run++)
        seconds.push((await evaluate(model, test, { engine: 'event', threads })).seconds);
      rows.push({
        section: 'train',
        case: `evaluate the trained model on ${test.count} MNIST test images, ${threads} worker threads`,
        value: Math.round(test.count / Math.min(...seconds)),
        unit: 'samples/s',
        note: `${NOTE}; best of 2`,
      });
    }
    return rows;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
};
