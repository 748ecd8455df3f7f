import { describe, it, expect } from '@jest/globals';
import { createSession } from '../registry.js';
import { createForwardResult, createTrainStepResult } from '../results.js';
import { initWeights } from '../../network/init-weights.js';
import { createRng } from '../../random/rng.js';
import { notebookSpec } from '../../spec/reference-specs.js';
import type { NetworkSpec, Weights } from '../../spec/network-spec.js';
import { loadTrainFixture } from '../../test-support/golden-fixtures.js';
import './register-event-engine.js';

const fixture = loadTrainFixture('train-3layer-thr50');

function withDropout(spec: NetworkSpec, rates: number[]): NetworkSpec {
  return { ...spec, layers: spec.layers.map((layer, l) => ({ ...layer, dropout: rates[l] })) };
}

async function train(spec: NetworkSpec, seed: number, steps: number): Promise<Weights> {
  const weights = initWeights(spec, createRng(seed));
  const session = await createSession({ spec, weights }, { rng: createRng(seed + 1) });
  const out = createTrainStepResult(spec);
  for (const sample of fixture.samples.slice(0, steps))
    session.trainStep(Uint16Array.from(sample.input_times), sample.label, out);
  const result = session.getWeights();
  await session.dispose();
  return result;
}

describe('event engine training', () => {
  const spec = withDropout(
    {
      ...fixture.spec,
      layers: fixture.spec.layers.map((layer, l) => ({
        ...layer,
        initRange: notebookSpec().layers[l].initRange,
      })),
    },
    [0.2, 0.1, 0.1],
  );

  it('is reproducible: the same seed gives bit-identical weights after steps with dropout', async () => {
    const a = await train(spec, 11, 20);
    const b = await train(spec, 11, 20);
    a.forEach((layer, l) =>
      expect(Buffer.from(layer.buffer).equals(Buffer.from(b[l].buffer))).toBe(true),
    );
    const other = await train(spec, 12, 20);
    expect(Buffer.from(other[0].buffer).equals(Buffer.from(a[0].buffer))).toBe(false);
  });

  it('applies dropout in training passes only: a rate near 1 silences the network', async () => {
    const silenced = withDropout(spec, [0.999999, 0, 0]);
    const weights = initWeights(silenced, createRng(3));
    const session = await createSession({ spec: silenced, weights }, { rng: createRng(4) });
    const input = Uint16Array.from(fixture.samples[0].input_times);
    const step = session.trainStep(input, 0, createTrainStepResult(silenced));
    expect(step.totalSpikes).toBe(0);
    expect(step.fallback).toBe(true);
    const forward = session.forward(input, createForwardResult(silenced));
    expect(forward.totalSpikes).toBeGreaterThan(0);
    await session.dispose();
  });

  it('requires an rng when a layer has dropout, and checks inputs and labels by name', async () => {
    const weights = initWeights(spec, createRng(3));
    await expect(createSession({ spec, weights })).rejects.toThrow(
      'options.rng is required when a layer has dropout > 0',
    );
    const plain = withDropout(spec, [0, 0, 0]);
    const session = await createSession({ spec: plain, weights });
    const out = createTrainStepResult(plain);
    expect(() => session.trainStep(new Uint16Array(99), 0, out)).toThrow(
      "trainStep: argument 'input' must hold 100 spike times (got 99)",
    );
    expect(() => session.trainStep(new Uint16Array(100), 6, out)).toThrow(
      "trainStep: argument 'label' must be an integer in 0..5 (got 6)",
    );
    const late = new Uint16Array(100);
    late[42] = 257;
    expect(() => session.forward(late, createForwardResult(plain))).toThrow(
      "forward: argument 'input' holds spike time 257 at index 42; expected 0..256",
    );
    await session.dispose();
  });

  it('setWeights replaces the weights and getWeights returns them unchanged before training', async () => {
    const plain = withDropout(spec, [0, 0, 0]);
    const session = await createSession({ spec: plain, weights: initWeights(plain, createRng(1)) });
    session.setWeights(fixture.initialWeights);
    session
      .getWeights()
      .forEach((layer, l) =>
        expect(Array.from(layer)).toEqual(Array.from(fixture.initialWeights[l])),
      );
    const out = session.trainStep(
      Uint16Array.from(fixture.samples[0].input_times),
      fixture.samples[0].label,
      createTrainStepResult(plain),
    );
    fixture.samples[0].firing_times.forEach((times, l) =>
      expect(Array.from(out.firingTimes[l])).toEqual(times),
    );
    await session.dispose();
  });
});
