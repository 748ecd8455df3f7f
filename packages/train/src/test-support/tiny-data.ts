import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { createRng, weightsToNpz, type NetworkSpec, type Weights } from '@s4nn/core';
import { makeDataset, writeArrow } from '@s4nn/data';
import type { TrainEvent } from '../train-events.js';
import { train$ } from '../train.js';
import type { TrainOptions } from '../train-options.js';
import { validateTrainOptions } from '../validate-train-options.js';

/** A fresh temporary directory for one test. */
export function temporaryDirectory(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 's4nn-train-'));
}

/** Writes pre-encoded spike times (n x D, tmax as given) and labels as an Arrow dataset file. */
export async function writeSpikeDataset(
  file: string,
  times: number[][],
  labels: number[],
  tmax: number,
): Promise<string> {
  const width = times[0].length;
  await writeArrow(
    makeDataset({
      features: Uint16Array.from(times.flat()),
      labels: Int32Array.from(labels),
      shape: [width],
      valueRange: [0, tmax],
      classNames: ['a', 'b', 'c'].slice(0, Math.max(...labels) + 1),
    }),
    file,
  );
  return file;
}

/** Writes `weights` as the published layout's `.npz` (arr_0, arr_1, ...). */
export async function writeWeightsNpz(
  file: string,
  weights: Weights,
  spec: NetworkSpec,
): Promise<string> {
  await writeFile(file, weightsToNpz(weights, spec));
  return file;
}

/**
 * Two classes of 16 inputs with tmax 32: class 0 spikes early on inputs 0-7, class 1 on inputs
 * 8-15, with seeded jitter and noise so that a small network learns it imperfectly.
 */
export function twoClassSamples(
  count: number,
  seed: number,
): { times: number[][]; labels: number[] } {
  const rng = createRng(seed);
  const times: number[][] = [];
  const labels: number[] = [];
  for (let s = 0; s < count; s++) {
    const label = rng.integer(2);
    times.push(
      Array.from({ length: 16 }, (_, i) => {
        const strong = i < 8 === (label === 0);
        if (rng.bernoulli(0.25)) return rng.integer(33); // noise: any time, "never" included
        return strong ? rng.integer(10) : 20 + rng.integer(13);
      }),
    );
    labels.push(label);
  }
  return { times, labels };
}

/** A 16-8-2 network on tmax 32 that trains in milliseconds. */
export function smallSpec(): NetworkSpec {
  const layer = { learningRate: 0.2, weightDecay: 1e-6, dropout: 0 };
  return {
    inputShape: [16],
    tmax: 32,
    gamma: 3,
    layers: [
      { size: 8, threshold: 8, initRange: [0, 2], ...layer },
      { size: 2, threshold: 8, initRange: [0, 6], ...layer },
    ],
  };
}

/** Options of a small run on {@link twoClassSamples} (`trainCount` training samples) written into `dir`. */
export async function smallRunOptions(
  dir: string,
  overrides: Partial<TrainOptions> = {},
  trainCount = 1200,
): Promise<TrainOptions> {
  const train = twoClassSamples(trainCount, 11);
  const test = twoClassSamples(300, 12);
  return validateTrainOptions({
    data: {
      train: await writeSpikeDataset(path.join(dir, 'train.arrow'), train.times, train.labels, 32),
      test: await writeSpikeDataset(path.join(dir, 'test.arrow'), test.times, test.labels, 32),
    },
    encoding: { type: 'pre-encoded' },
    network: smallSpec(),
    outDir: path.join(dir, 'run'),
    progressThrottleMs: 0,
    ...overrides,
  });
}

/** Runs `train$` to completion and returns every event. */
export function collectEvents(options: TrainOptions): Promise<TrainEvent[]> {
  return lastValueFrom(train$(options).pipe(toArray()));
}
