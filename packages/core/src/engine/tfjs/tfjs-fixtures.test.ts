import { describe, it, expect } from '@jest/globals';
import { createNetwork } from '../../network/network.js';
import type { NetworkSpec } from '../../spec/network-spec.js';
import { loadForwardFixture, loadTrainFixture } from '../../test-support/golden-fixtures.js';
import { EventSession } from '../event/event-session.js';
import { createForwardResult } from '../results.js';
import { checkForwardAgreement, explainDisagreement } from './engine-agreement.js';
import { createTfjsSession } from './register-tfjs-engine.js';

const forwardFixture = loadForwardFixture();
const copy = () => forwardFixture.weights.map((layer) => Float64Array.from(layer));
// The fixture's 50 test images and the 100 training images of train-2layer.json (same 784 inputs).
const fixtureInputs = Uint16Array.from([
  ...forwardFixture.samples.flatMap((sample) => sample.input_times),
  ...loadTrainFixture('train-2layer').samples.flatMap((sample) => sample.input_times),
]);

describe.each([
  // The cpu backend is slow under Jest's VM modules (~100 ms a sample here): a slice of the samples.
  ['cpu', 20],
  ['wasm', 150],
] as const)('tfjs engine (%s) on the fixture weights (784-20-10, float32)', (backend, count) => {
  it('decides as the event engine on >= 99.9% of the samples, every difference explained by float32', async () => {
    const event = new EventSession(createNetwork(forwardFixture.spec, copy()));
    const tfjs = await createTfjsSession(createNetwork(forwardFixture.spec, copy()), { backend });
    const report = checkForwardAgreement(event, tfjs, fixtureInputs.subarray(0, count * 784));
    expect(report.samples).toBe(count);
    expect(report.identicalDecisions / report.samples).toBeGreaterThanOrEqual(0.999);
    expect(report.unexplained).toBe(0);
    await tfjs.dispose();
  });

  it("reproduces the published code's firing times and both decision rules of the fixture", async () => {
    const tfjs = await createTfjsSession(createNetwork(forwardFixture.spec, copy()), { backend });
    const samples = forwardFixture.samples.slice(0, count);
    const batch = await tfjs.forwardBatch(fixtureInputs.subarray(0, samples.length * 784));
    const out = createForwardResult(forwardFixture.spec);
    samples.forEach((sample, s) => {
      expect(Array.from(batch.outputTimes.subarray(s * 10, (s + 1) * 10))).toEqual(
        sample.firing_times[1],
      );
      expect(batch.lowestIndexPredictions[s]).toBe(sample.decision);
      expect(batch.predictions[s]).toBe(sample.decision_margin);
      expect(batch.fallback[s] === 1).toBe(sample.no_output_spike);
    });
    tfjs.forward(fixtureInputs.subarray(0, 784), out);
    expect(Array.from(out.firingTimes[0])).toEqual(samples[0].firing_times[0]);
    out.fallbackPotentials.forEach((v, k) =>
      expect(v).toBeCloseTo(samples[0].v_out_at_tmax_minus_3[k], 3),
    );
    await tfjs.dispose();
  });
});

describe('explainDisagreement', () => {
  // In float64 0.1 + 0.2 = 0.30000000000000004 > 0.3; in float32 0.1f + 0.2f = 0.3f, not greater.
  const spec = (threshold: number): NetworkSpec => ({
    inputShape: [2],
    tmax: 8,
    gamma: 3,
    layers: [
      { size: 2, threshold, initRange: [0, 1], learningRate: 0, weightDecay: 0, dropout: 0 },
    ],
  });
  const weights = () => [Float64Array.of(0.3, 0, 0.1, 0.2)];
  const bothAtZero = Uint16Array.of(0, 0);

  async function compare(threshold: number) {
    const event = new EventSession(createNetwork(spec(threshold), weights()));
    const tfjs = await createTfjsSession(createNetwork(spec(threshold), weights()), {
      backend: 'wasm',
    });
    const expected = event.forward(bothAtZero, createForwardResult(spec(threshold)));
    const actual = tfjs.forward(bothAtZero, createForwardResult(spec(threshold)));
    await tfjs.dispose();
    return {
      expected,
      actual,
      explanation: explainDisagreement(spec(threshold), weights(), bothAtZero, expected, actual),
    };
  }

  it('a potential within float32 rounding of the threshold: a firing time differs, explained', async () => {
    const { expected, actual, explanation } = await compare(0.3);
    expect(Array.from(expected.firingTimes[0])).toEqual([8, 1]);
    expect(Array.from(actual.firingTimes[0])).toEqual([8, 8]);
    expect(explanation).toMatchObject({ kind: 'threshold', layer: 0, neuron: 1, explained: true });
    expect(explanation?.margin).toBeCloseTo(0.1 + 0.2 - 0.3, 20);
  });

  it('tied output potentials equal in float32: the tie-break differs, explained', async () => {
    const { expected, actual, explanation } = await compare(0.25);
    expect([expected.prediction, actual.prediction]).toEqual([1, 0]);
    expect(explanation).toMatchObject({ kind: 'tie', neuron: 0, explained: true });
  });

  it('fallback potentials equal in float32: the argmax of V(tmax - 3) differs, explained', async () => {
    const { expected, actual, explanation } = await compare(10);
    expect([expected.prediction, actual.prediction, expected.fallback]).toEqual([1, 0, true]);
    expect(explanation).toMatchObject({ kind: 'fallback', explained: true });
  });

  it('identical results need no explanation; a difference far from any threshold is not explained', async () => {
    const { expected } = await compare(0.25);
    expect(explainDisagreement(spec(0.25), weights(), bothAtZero, expected, expected)).toBeNull();
    const wrong = createForwardResult(spec(0.25));
    Object.assign(wrong, { ...expected, firingTimes: [Uint16Array.of(5, 1)] });
    // Neuron 0's potential is 0.3 from step 0 on: 0.05 above the threshold, far beyond float32 error.
    expect(explainDisagreement(spec(0.25), weights(), bothAtZero, expected, wrong)).toMatchObject({
      kind: 'threshold',
      neuron: 0,
      explained: false,
    });
  });
});
