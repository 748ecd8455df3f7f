import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRng, type NetworkSpec } from '@s4nn/core';
import { makeDataset, writeArrow } from '@s4nn/data';
import { train$, validateTrainOptions, type TrainEvent } from '@s4nn/train';
import { lastValueFrom, toArray } from 'rxjs';

/**
 * A tiny S4NN task made in the test: 4x4 images, source labels 0..2 = which of the top, middle or
 * bottom rows is bright (the others dim, with seeded noise); the run keeps them in the order
 * `cats = [2, 0, 1]`, so class k is named after source label cats[k].
 */
export const TINY_CATS = [2, 0, 1];
const SOURCE_NAMES = ['top', 'middle', 'bottom'];
export const TINY_CLASS_NAMES = TINY_CATS.map((cat) => SOURCE_NAMES[cat]);

export function tinySpec(): NetworkSpec {
  const layer = {
    threshold: 12,
    initRange: [0, 5] as [number, number],
    learningRate: 0.2,
    weightDecay: 1e-6,
    dropout: 0,
  };
  return {
    inputShape: [4, 4],
    tmax: 64,
    gamma: 3,
    layers: [
      { size: 6, ...layer },
      { size: 3, ...layer, threshold: 8 },
    ],
  };
}

/** `count` samples of the task, drawn from `seed`: uint8 features and source labels. */
export function tinySamples(
  count: number,
  seed: number,
): { features: Uint8Array; labels: Int32Array } {
  const rng = createRng(seed);
  const features = new Uint8Array(count * 16);
  const labels = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const label = s % 3;
    labels[s] = label;
    const brightRow = label === 0 ? 0 : label === 1 ? 1 : 3;
    for (let i = 0; i < 16; i++) {
      const bright = Math.floor(i / 4) === brightRow;
      features[s * 16 + i] = Math.floor(bright ? 180 + rng.next() * 75 : rng.next() * 90);
    }
  }
  return { features, labels };
}

const madeRuns: string[] = [];

/** Removes every run directory {@link makeTinyRun} made (call in `afterAll`). */
export async function removeTinyRuns(): Promise<void> {
  await Promise.all(madeRuns.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
}

/** What {@link makeTinyRun} wrote, for the tests to check the report against. */
export interface TinyRun {
  dir: string;
  /** The events `train$` emitted (and appended to `events.ndjson`). */
  events: TrainEvent[];
}

/**
 * Trains the tiny network with `@s4nn/train`'s `train$` (online SGD, spec 4) into a fresh run
 * directory. With `finish: false` the directory is made to look like a run still in progress
 * after its last checkpoint: no `run-end` event, and half an event line at the end of
 * `events.ndjson` (the model/ of the best epoch so far stays, as train$ writes it per epoch).
 */
export async function makeTinyRun(options: { epochs: number; finish: boolean }): Promise<TinyRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 's4nn-report-'));
  madeRuns.push(dir);
  const meta = {
    shape: [4, 4],
    valueRange: [0, 255] as [number, number],
    classNames: SOURCE_NAMES,
  };
  await writeArrow(makeDataset({ ...tinySamples(60, 1), ...meta }), path.join(dir, 'train.arrow'));
  await writeArrow(makeDataset({ ...tinySamples(30, 2), ...meta }), path.join(dir, 'test.arrow'));
  const trainOptions = validateTrainOptions({
    data: { train: path.join(dir, 'train.arrow'), test: path.join(dir, 'test.arrow') },
    cats: TINY_CATS,
    encoding: { type: 'latency', maxValue: 255 },
    network: tinySpec(),
    epochs: options.epochs,
    seed: 3,
    engine: 'event',
    outDir: path.join(dir, 'run'),
  });
  const events = await lastValueFrom(train$(trainOptions).pipe(toArray()));
  if (!options.finish) {
    const file = path.join(dir, 'run', 'events.ndjson');
    const lines = (await fs.readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    const kept = lines.filter((line) => (JSON.parse(line) as TrainEvent).type !== 'run-end');
    await fs.writeFile(file, `${kept.join('\n')}\n{"type":"epoch-start","epo`);
  }
  return { dir: path.join(dir, 'run'), events };
}
