import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createForwardResult,
  createRng,
  createSession,
  initWeights,
  saveModel,
  type NetworkSpec,
  type S4nnModel,
} from '@s4nn/core';
import { createEncoder } from '@s4nn/encoding';

/** A 4x4 -> 8 -> 3 network whose random weights make most samples spike (thresholds are low). */
export function smallSpec(): NetworkSpec {
  const layer = { learningRate: 0.2, weightDecay: 1e-6, dropout: 0 };
  return {
    inputShape: [4, 4],
    tmax: 256,
    gamma: 3,
    layers: [
      { size: 8, threshold: 10, initRange: [0, 5], ...layer },
      { size: 3, threshold: 10, initRange: [0, 8], ...layer },
    ],
  };
}

/** A random model of `spec` (seeded), latency-encoded 8-bit inputs, classes named. */
export function randomModel(seed = 1, spec = smallSpec()): S4nnModel {
  const outputs = spec.layers[spec.layers.length - 1].size;
  return {
    spec,
    weights: initWeights(spec, createRng(seed)),
    encoder: { type: 'latency', tmax: spec.tmax, maxValue: 255 },
    classes: { names: Array.from({ length: outputs }, (_, k) => `class-${k}`) },
    provenance: { seed, note: 'random test model' },
  };
}

/** Saves `model` into a fresh temporary directory; returns it and a function removing it. */
export async function saveTemporaryModel(
  model: S4nnModel,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 's4nn-serve-'));
  await saveModel(dir, model);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** `count` random 8-bit samples of `width` values (seeded), about a third of them zero (no spike). */
export function randomSamples(count: number, width: number, seed = 7): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: width }, () => (rng.next() < 0.33 ? 0 : rng.integer(256))),
  );
}

/** What a direct, full forward pass of the engine says about `values` (the reference for tests). */
export async function directForward(model: S4nnModel, samples: readonly number[][]) {
  const session = await createSession(
    { spec: model.spec, weights: model.weights },
    { engine: 'event' },
  );
  const encoder = createEncoder(model.encoder);
  const out = createForwardResult(model.spec);
  const last = model.spec.layers.length - 1;
  const answers = samples.map((values) => {
    session.forward(encoder.encodeSample(values), out);
    return {
      prediction: out.prediction,
      class: model.classes.names[out.prediction],
      decisionTime: out.decisionTime,
      outputTimes: Array.from(out.firingTimes[last]),
      spikes: out.totalSpikes,
      fallback: out.fallback,
    };
  });
  await session.dispose();
  return answers;
}
