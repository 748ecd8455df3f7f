/**
 * Bench section `train`: one epoch of the `paper-mnist` preset through `train$` on the first
 * 10000 MNIST training images with the event engine (training samples/s and the projected
 * seconds per full 60000-sample epoch), the cost of the training loop's synchronisation point
 * against the steps between two of them, then `evaluate` of the model it trained on the 10000
 * test images, in the calling thread and on 2 worker threads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filter, lastValueFrom, toArray } from 'rxjs';
import { createRng, createSession, loadModel, type S4nnModel } from '@s4nn/core';
import {
  evaluate,
  loadSamples,
  resolveTrainOptions,
  SYNC_SAMPLES,
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
    const syncMilliseconds = await synchronisationMilliseconds(model);
    const blockMilliseconds = (SYNC_SAMPLES / end.training.samplesPerSecond) * 1000;
    rows.push({
      section: 'train',
      case: `paper-mnist synchronisation point, setWeights(getWeights()) every ${SYNC_SAMPLES} samples`,
      value: Math.round(syncMilliseconds * 100) / 100,
      unit: 'ms',
      note: `${NOTE}; ${((100 * syncMilliseconds) / blockMilliseconds).toFixed(2)}% of the ${Math.round(blockMilliseconds)} ms of ${SYNC_SAMPLES} trainSteps`,
    });
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

/** Mean time of the training loop's synchronisation point on `model`'s weights, after a warm-up. */
async function synchronisationMilliseconds(model: S4nnModel): Promise<number> {
  const session = await createSession(model, { engine: 'event', rng: createRng(1) });
  try {
    const time = (repeats: number) => {
      const started = performance.now();
      for (let r = 0; r < repeats; r++) session.setWeights(session.getWeights());
      return (performance.now() - started) / repeats;
    };
    time(20);
    return time(200);
  } finally {
    await session.dispose();
  }
}
