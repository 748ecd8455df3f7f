import { describe, it, expect } from '@jest/globals';
import { createSession } from '../registry.js';
import { createEarlyExitResult, createForwardResult, createTrainStepResult } from '../results.js';
import { isCorrectTiesCounted } from '../decide.js';
import { loadForwardFixture, loadTrainFixture } from '../../test-support/golden-fixtures.js';
import './register-event-engine.js';

const FLOAT_TOLERANCE = 1e-9;

function maxAbsDifference(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let k = 0; k < expected.length; k++) max = Math.max(max, Math.abs(expected[k] - actual[k]));
  return max;
}

describe('event engine against the golden fixtures', () => {
  it('reproduces forward-2layer.json: times, decisions, flags exactly; V(tmax-3) within 1e-9', async () => {
    const fixture = loadForwardFixture();
    const session = await createSession(
      { spec: fixture.spec, weights: fixture.weights },
      { engine: 'event' },
    );
    const out = createForwardResult(fixture.spec);
    const early = createEarlyExitResult(fixture.spec);
    for (const sample of fixture.samples) {
      const input = Uint16Array.from(sample.input_times);
      session.forward(input, out);
      expect(Array.from(out.firingTimes[0])).toEqual(sample.firing_times[0]);
      expect(Array.from(out.firingTimes[1])).toEqual(sample.firing_times[1]);
      expect(out.decisionTime).toBe(sample.min_output_time);
      expect(out.fallback).toBe(sample.no_output_spike);
      expect(out.tiedAtMinimum > 1).toBe(sample.earliest_output_tie);
      expect(out.lowestIndexPrediction).toBe(sample.decision);
      expect(out.prediction).toBe(sample.decision_margin);
      expect(isCorrectTiesCounted(out.firingTimes[1], sample.label, out)).toBe(
        sample.published_correct,
      );
      expect(maxAbsDifference(sample.v_out_at_tmax_minus_3, out.fallbackPotentials)).toBeLessThan(
        FLOAT_TOLERANCE,
      );
      if (sample.potential_at_crossing !== undefined) {
        sample.firing_times[1].forEach((t, k) => {
          if (t === sample.min_output_time) {
            expect(
              Math.abs(out.crossingPotentials[k] - sample.potential_at_crossing![k]),
            ).toBeLessThan(FLOAT_TOLERANCE);
          }
        });
      }
      const spikes = sample.firing_times.map(
        (times) => times.filter((t) => t < fixture.spec.tmax).length,
      );
      expect(Array.from(out.spikes)).toEqual(spikes);

      session.forwardEarlyExit(input, early);
      expect(early.prediction).toBe(sample.decision_margin);
      expect(early.lowestIndexPrediction).toBe(sample.decision);
      expect(early.decisionTime).toBe(sample.min_output_time);
      expect(early.fallback).toBe(sample.no_output_spike);
      expect(early.totalSpikes).toBeLessThanOrEqual(out.totalSpikes);
    }
    // The file exercises both branches and the margin tie-break (fixtures README, coverage).
    expect(fixture.samples.filter((s) => s.no_output_spike)).toHaveLength(19);
    expect(fixture.samples.filter((s) => s.decision !== s.decision_margin)).toHaveLength(10);
    await session.dispose();
  });

  it.each(['train-2layer', 'train-3layer', 'train-3layer-thr50'] as const)(
    'reproduces %s.json: 100 steps, times and targets exactly, deltas and weights within 1e-9',
    async (name) => {
      const fixture = loadTrainFixture(name);
      const weights = fixture.initialWeights.map((layer) => layer.slice());
      const session = await createSession({ spec: fixture.spec, weights }, { engine: 'event' });
      const out = createTrainStepResult(fixture.spec);
      let checkedWeights = 0;
      for (const sample of fixture.samples) {
        session.trainStep(Uint16Array.from(sample.input_times), sample.label, out);
        sample.firing_times.forEach((times, l) =>
          expect(Array.from(out.firingTimes[l])).toEqual(times),
        );
        expect(Array.from(out.targets)).toEqual(sample.target);
        sample.delta.forEach((delta, l) =>
          expect(maxAbsDifference(delta, out.errors[l])).toBeLessThan(FLOAT_TOLERANCE),
        );
        const expected = fixture.weightsAfter.get(sample.step);
        if (expected !== undefined) {
          const actual = session.getWeights();
          expected.forEach((layer, l) =>
            expect(maxAbsDifference(layer, actual[l])).toBeLessThan(FLOAT_TOLERANCE),
          );
          checkedWeights++;
        }
      }
      expect(checkedWeights).toBe(4);
      // getWeights wrote the trained weights into the bound network's own arrays.
      expect(session.network.weights).toBe(weights);
      await session.dispose();
    },
  );
});
