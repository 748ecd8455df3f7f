import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { createFireCounts } from '../../network/fire-counts.js';
import { createNetwork } from '../../network/network.js';
import type { Weights } from '../../spec/network-spec.js';
import { loadTrainFixture } from '../../test-support/golden-fixtures.js';
import { EventSession } from '../event/event-session.js';
import { createTrainStepResult } from '../results.js';
import { createTfjsSession } from './register-tfjs-engine.js';
import { integerCases, networkOf, sampleOf } from '../../test-support/integer-networks.js';

/** The largest |a - b| / max(1, |a|) over all weights. */
function weightDifference(a: Weights, b: Weights): number {
  let largest = 0;
  a.forEach((layer, l) =>
    layer.forEach(
      (w, k) => (largest = Math.max(largest, Math.abs(w - b[l][k]) / Math.max(1, Math.abs(w)))),
    ),
  );
  return largest;
}

const copyOf = (weights: Weights) => weights.map((layer) => Float64Array.from(layer));

describe('tfjs mini-batch training (B > 1: a different algorithm from the published online SGD)', () => {
  it('one update of B samples is the mean of the B per-sample online updates from the same weights', async () => {
    await fc.assert(
      fc.asyncProperty(integerCases({ maxHidden: 3, samples: 5 }), async (testCase) => {
        const event = new EventSession(networkOf(testCase));
        const mean = testCase.weights.map((layer) => new Float64Array(layer.length));
        const step = createTrainStepResult(testCase.spec);
        testCase.labels.forEach((label, s) => {
          event.setWeights(copyOf(testCase.weights));
          event.trainStep(sampleOf(testCase, s), label, step);
          event
            .getWeights()
            .forEach((layer, l) =>
              layer.forEach((w, k) => (mean[l][k] += w / testCase.labels.length)),
            );
        });
        event.setWeights(copyOf(testCase.weights));
        const before = await event.forwardBatch(testCase.inputs);

        const tfjs = await createTfjsSession(networkOf(testCase), { backend: 'wasm' });
        const batch = await tfjs.trainBatch(testCase.inputs, testCase.labels, {
          batchSize: testCase.labels.length,
        });
        expect(batch).toEqual(before); // the pre-update forward passes
        expect(weightDifference(mean, tfjs.getWeights())).toBeLessThan(1e-5);
        await tfjs.dispose();
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('a mini-batch split into chunks by a small memory budget gives the same update', async () => {
    const [testCase] = fc.sample(integerCases({ maxHidden: 2, samples: 7 }), {
      numRuns: 1,
      seed: 3,
    });
    const whole = await createTfjsSession(networkOf(testCase), { backend: 'wasm' });
    const budget =
      2.5 * (await import('./batch-size.js')).bytesPerSample(testCase.spec, true, whole.potentials);
    const chunked = await createTfjsSession(networkOf(testCase), {
      backend: 'wasm',
      memoryBudgetBytes: budget,
    });
    expect(chunked.trainBatchLimit).toBe(2);
    expect(whole.trainBatchLimit).toBeGreaterThan(7);
    const counts = [createFireCounts(testCase.spec), createFireCounts(testCase.spec)];
    const a = await whole.trainBatch(testCase.inputs, testCase.labels, {
      batchSize: 7,
      fireCounts: counts[0],
    });
    const b = await chunked.trainBatch(testCase.inputs, testCase.labels, {
      batchSize: 7,
      fireCounts: counts[1],
    });
    expect(b).toEqual(a);
    expect(counts[1]).toEqual(counts[0]);
    expect(weightDifference(whole.getWeights(), chunked.getWeights())).toBeLessThan(1e-6);
    await whole.dispose();
    await chunked.dispose();
  });

  it('B = 1 is online SGD: trainBatch equals trainStep after trainStep, and counts firings', async () => {
    const [testCase] = fc.sample(integerCases({ maxHidden: 3, samples: 6 }), {
      numRuns: 1,
      seed: 11,
    });
    const stepped = await createTfjsSession(networkOf(testCase), { backend: 'wasm' });
    const batched = await createTfjsSession(networkOf(testCase), { backend: 'wasm' });
    const step = createTrainStepResult(testCase.spec);
    const expectedCounts = createFireCounts(testCase.spec);
    const predictions: number[] = [];
    testCase.labels.forEach((label, s) => {
      stepped.trainStep(sampleOf(testCase, s), label, step);
      predictions.push(step.prediction);
      step.firingTimes.forEach((times, l) =>
        times.forEach((t, j) => (expectedCounts[l][j] += t < testCase.spec.tmax ? 1 : 0)),
      );
    });
    const counts = createFireCounts(testCase.spec);
    const batch = await batched.trainBatch(testCase.inputs, testCase.labels, {
      fireCounts: counts,
    });
    expect(Array.from(batch.predictions)).toEqual(predictions);
    expect(counts).toEqual(expectedCounts);
    expect(batched.getWeights()).toEqual(stepped.getWeights());
    await stepped.dispose();
    await batched.dispose();
  });
});

describe('tfjs online training on the published run (train-2layer.json, float32)', () => {
  it('reproduces the firing times and targets of all 100 steps; weights within float32 drift', async () => {
    const fixture = loadTrainFixture('train-2layer');
    const session = await createTfjsSession(
      createNetwork(fixture.spec, copyOf(fixture.initialWeights)),
      {
        backend: 'wasm',
      },
    );
    const out = createTrainStepResult(fixture.spec);
    for (const sample of fixture.samples) {
      session.trainStep(Uint16Array.from(sample.input_times), sample.label, out);
      expect(out.firingTimes.map((times) => Array.from(times))).toEqual(sample.firing_times);
      expect(Array.from(out.targets)).toEqual(sample.target);
      out.errors.forEach((errors, l) =>
        errors.forEach((e, j) => expect(Math.abs(e - sample.delta[l][j])).toBeLessThan(1e-5)),
      );
    }
    expect(
      weightDifference(fixture.weightsAfter.get(100) as Weights, session.getWeights()),
    ).toBeLessThan(1e-4);
    await session.dispose();
  });
});

describe('tfjs session memory', () => {
  it('holds only its weights: no tensor survives any call, over many steps and batches', async () => {
    const [testCase] = fc.sample(integerCases({ maxHidden: 3, samples: 6, dropout: 0.2 }), {
      numRuns: 1,
      seed: 5,
    });
    const { createRng } = await import('../../random/rng.js');
    const before = tf.memory().numTensors;
    const session = await createTfjsSession(networkOf(testCase), {
      backend: 'cpu',
      rng: createRng(1),
    });
    const layers = testCase.spec.layers.length;
    expect(tf.memory().numTensors).toBe(before + layers);
    const step = createTrainStepResult(testCase.spec);
    for (let round = 0; round < 20; round++) {
      const s = round % testCase.labels.length;
      const input = sampleOf(testCase, s);
      session.forward(input, step);
      session.trainStep(input, testCase.labels[s], step);
      await session.forwardBatch(testCase.inputs, { earlyExit: round % 2 === 0 });
      await session.trainBatch(testCase.inputs, testCase.labels, { batchSize: 4 });
      session.setWeights(session.getWeights());
      expect(tf.memory().numTensors).toBe(before + layers);
    }
    await session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('releases a chunked mini-batch that fails on a bad spike time, leaving the weights alone', async () => {
    const [testCase] = fc.sample(integerCases({ maxHidden: 1, samples: 3 }), {
      numRuns: 1,
      seed: 9,
    });
    const { bytesPerSample } = await import('./batch-size.js');
    const budget = bytesPerSample(testCase.spec, true, 'increments');
    const session = await createTfjsSession(networkOf(testCase), {
      backend: 'wasm',
      memoryBudgetBytes: budget,
    });
    expect(session.trainBatchLimit).toBe(1);
    const before = tf.memory().numTensors;
    const inputs = Uint16Array.from(testCase.inputs);
    inputs[inputs.length - 1] = testCase.spec.tmax + 1;
    await expect(session.trainBatch(inputs, testCase.labels, { batchSize: 3 })).rejects.toThrow(
      `trainStep: argument 'input' holds spike time ${testCase.spec.tmax + 1}`,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(session.getWeights()).toEqual(testCase.weights);
    await session.dispose();
  });
});
