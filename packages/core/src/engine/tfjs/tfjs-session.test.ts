import { describe, it, expect } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { createNetwork } from '../../network/network.js';
import { paperMnistSpec } from '../../spec/reference-specs.js';
import type { NetworkSpec } from '../../spec/network-spec.js';
import { SpecError } from '../../spec/spec-error.js';
import { createSession, describeEngines, getEngine, listEngines } from '../registry.js';
import { EVENT_ENGINE_PRIORITY } from '../event/register-event-engine.js';
import { createForwardResult, createTrainStepResult } from '../results.js';
import { bytesPerSample, maxBatchSize } from './batch-size.js';
import {
  TFJS_ENGINE_PRIORITY,
  createTfjsSession,
  describeTfjsEngine,
} from './register-tfjs-engine.js';
import { installedNativeBackends } from './native-backends.js';
import { useTfjsBackend } from './tfjs-backend.js';
import { TFJS_ENGINE } from './tfjs-options.js';

const spec: NetworkSpec = {
  inputShape: [3],
  tmax: 10,
  gamma: 3,
  layers: [
    { size: 2, threshold: 1, initRange: [0, 1], learningRate: 0.5, weightDecay: 0, dropout: 0 },
    { size: 2, threshold: 1, initRange: [0, 1], learningRate: 0.5, weightDecay: 0, dropout: 0 },
  ],
};
const network = () =>
  createNetwork(spec, [Float64Array.of(1, 1, 0, 0, 1, 1), Float64Array.of(2, 0, 0, 2)]);

describe('tfjs backends', () => {
  it('wasm initialises from the package files under Jest (ESM) and runs a program', async () => {
    expect(await useTfjsBackend('wasm')).toEqual({
      backend: 'wasm',
      package: '@tensorflow/tfjs-backend-wasm',
      gpu: false,
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(
      Array.from(tf.matMul(tf.tensor2d([1, 2], [1, 2]), tf.tensor2d([3, 4], [2, 1])).dataSync()),
    ).toEqual([11]);
  });

  it('auto takes a native backend when one loads, else wasm', async () => {
    const info = await useTfjsBackend('auto');
    expect(info.backend).toBe(installedNativeBackends().length > 0 ? 'tensorflow' : 'wasm');
    expect((await describeTfjsEngine()).auto).toEqual(info);
  });

  it('tensorflow without tfjs-node(-gpu) installed fails with the install command', async () => {
    if (installedNativeBackends().length > 0) {
      expect((await useTfjsBackend('tensorflow')).backend).toBe('tensorflow');
    } else {
      await expect(useTfjsBackend('tensorflow')).rejects.toThrow(
        'npm install @tensorflow/tfjs-node-gpu@4.22.0',
      );
    }
  });

  it('cpu runs without printing the tfjs-node banner', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const session = await createTfjsSession(network(), { backend: 'cpu' });
      session.forward(Uint16Array.of(0, 1, 2), createForwardResult(spec));
      expect(session.info.backend).toBe('cpu');
      await session.dispose();
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });

  it('rejects an unknown backend naming the option', async () => {
    await expect(useTfjsBackend('gpu' as 'cpu')).rejects.toThrow(
      "tfjs engine: option 'backend' must be one of auto, tensorflow, wasm, cpu (got gpu)",
    );
  });
});

describe('the tfjs engine in the registry', () => {
  it('is registered below the event engine, always available, and createSession passes its options', async () => {
    const definition = getEngine(TFJS_ENGINE);
    expect(definition.priority).toBe(TFJS_ENGINE_PRIORITY);
    expect(TFJS_ENGINE_PRIORITY).toBeLessThan(EVENT_ENGINE_PRIORITY);
    expect(listEngines().map((engine) => engine.name)).toEqual(['event', 'tfjs']);
    expect(await definition.isAvailable()).toBe(true);
    const session = await createSession(network(), { engine: 'tfjs', backend: 'cpu' });
    expect(session.engine).toBe('tfjs');
    expect(session.info).toEqual({
      engine: 'tfjs',
      backend: 'cpu',
      device: 'cpu',
      package: '@tensorflow/tfjs-backend-cpu',
      gpu: false,
      detail: '@tensorflow/tfjs-backend-cpu, float32, increments potentials',
    });
    await session.dispose();
  });

  it('rejects an unknown backend passed through createSession, naming the option', async () => {
    await expect(createSession(network(), { engine: 'tfjs', backend: 'gpu' })).rejects.toThrow(
      "tfjs engine: option 'backend' must be one of auto, tensorflow, wasm, cpu (got gpu)",
    );
  });

  it('is described with the backend auto picks and the native packages installed', async () => {
    const { auto } = await describeTfjsEngine();
    const native = installedNativeBackends().map((candidate) => candidate.name);
    const tfjs = (await describeEngines()).find((engine) => engine.name === 'tfjs');
    expect(tfjs).toEqual({
      name: 'tfjs',
      priority: TFJS_ENGINE_PRIORITY,
      available: true,
      detail: `auto picks ${auto.backend} (${auto.package}${auto.gpu ? ', GPU' : ''}); native packages installed: ${native.length > 0 ? native.join(', ') : 'none'}`,
    });
  });
});

describe('tfjs session arguments', () => {
  it('names the argument and the call on bad input', async () => {
    const session = await createTfjsSession(network(), { backend: 'wasm' });
    const out = createTrainStepResult(spec);
    expect(() => session.forward(Uint16Array.of(0, 11, 2), out)).toThrow(
      "forward: argument 'input' holds spike time 11 at index 1; expected 0..10",
    );
    expect(() => session.forward(Uint16Array.of(0, 1), out)).toThrow(
      "forward: argument 'input' must hold 3 spike times (got 2)",
    );
    expect(() => session.trainStep(Uint16Array.of(0, 1, 2), 2, out)).toThrow(
      "trainStep: argument 'label' must be an integer in 0..1 (got 2)",
    );
    await expect(session.forwardBatch(Uint16Array.of(0, 1, 2, 3))).rejects.toThrow(SpecError);
    await expect(session.forwardBatch(Uint16Array.of(0, 1, 2, 3, 10, 12))).rejects.toThrow(
      "forwardBatch: argument 'input' holds spike time 12 at index 2; expected 0..10",
    );
    await expect(session.trainBatch(Uint16Array.of(0, 1, 2), [0, 1])).rejects.toThrow(
      "trainStep: argument 'labels' has 2 entries for 1 samples",
    );
    await expect(
      session.trainBatch(Uint16Array.of(0, 1, 2), [0], { batchSize: 0 }),
    ).rejects.toThrow('trainStep: options.batchSize must be a positive integer (got 0)');
    await session.dispose();
    expect(() => session.forward(Uint16Array.of(0, 1, 2), out)).toThrow(
      'forward: the tfjs session has been disposed',
    );
  });

  it('requires an rng for dropout and a positive memory budget', async () => {
    const dropout = { ...spec, layers: spec.layers.map((layer) => ({ ...layer, dropout: 0.5 })) };
    await expect(
      createTfjsSession(createNetwork(dropout, network().weights), { backend: 'cpu' }),
    ).rejects.toThrow('tfjs engine: options.rng is required when a layer has dropout > 0');
    await expect(
      createTfjsSession(network(), { backend: 'cpu', memoryBudgetBytes: 0 }),
    ).rejects.toThrow('tfjs engine: options.memoryBudgetBytes must be positive (got 0)');
  });

  it('the weights round-trip through the session (float32)', async () => {
    const session = await createTfjsSession(network(), { backend: 'wasm' });
    const weights = [Float64Array.of(0.5, -1.25, 3, 0, 7, 1), Float64Array.of(0.25, 2, -2, 4)];
    session.setWeights(weights);
    expect(session.getWeights()).toEqual(weights);
    await session.dispose();
  });
});

describe('batch sizing from the memory budget', () => {
  it('counts the dense time axis of the widest layer', () => {
    // 784-400-10, tmax 256, indicator: 4 * 257 * 400 + 2 * 256 * 784 floats at layer 0.
    expect(bytesPerSample(paperMnistSpec(), false, 'indicator')).toBe(
      4 * (4 * 257 * 400 + 2 * 256 * 784),
    );
    expect(bytesPerSample(paperMnistSpec(), true, 'increments')).toBe(
      4 * (4 * 257 * 400 + 2 * 784 * 400 + 4 * 400 * 784),
    );
    expect(maxBatchSize(paperMnistSpec(), 2 ** 30, false, 'indicator')).toBe(330);
    expect(maxBatchSize(paperMnistSpec(), 1000, true, 'increments')).toBe(1);
  });
});
