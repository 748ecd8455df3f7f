import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { createEarlyExitResult, createForwardResult, createTrainStepResult } from '../results.js';
import { denseDecision, denseForward, denseTrainStep } from '../../test-support/dense-reference.js';
import { createNetwork } from '../../network/network.js';
import { EventSession } from './event-session.js';
import { integerCases, sampleOf } from '../../test-support/integer-networks.js';

// Integer weights and thresholds: every potential is an exact integer in floating point, so the
// event engine and the dense reference must agree bit for bit.
const caseArbitrary = integerCases({ maxHidden: 3, minOutputs: 1, minSamples: 1, samples: 4 });

describe('event engine equals the dense reference (fast-check)', () => {
  it('forward: firing times of every layer, decisions, V(tmax-3); early exit decides the same', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const { spec, weights, labels } = testCase;
        const session = new EventSession(createNetwork(spec, weights));
        const out = createForwardResult(spec);
        const early = createEarlyExitResult(spec);
        for (let s = 0; s < labels.length; s++) {
          const input = sampleOf(testCase, s);
          const dense = denseForward(spec, weights, input);
          session.forward(input, out);
          dense.times.forEach((times, l) => expect(Array.from(out.firingTimes[l])).toEqual(times));
          const decision = denseDecision(spec, dense);
          expect(out.prediction).toBe(decision.prediction);
          expect(out.lowestIndexPrediction).toBe(decision.lowestIndex);
          expect(out.decisionTime).toBe(decision.time);
          expect(Array.from(out.fallbackPotentials)).toEqual(
            dense.outputPotentials.map((v) => v[spec.tmax - 3]),
          );
          session.forwardEarlyExit(input, early);
          expect([
            early.prediction,
            early.lowestIndexPrediction,
            early.decisionTime,
            early.fallback,
            early.tiedAtMinimum,
          ]).toEqual([
            out.prediction,
            out.lowestIndexPrediction,
            out.decisionTime,
            out.fallback,
            out.tiedAtMinimum,
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('trainStep: pre-update times and targets exactly, deltas and updated weights within 1e-9', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const { spec, weights, labels } = testCase;
        const input = sampleOf(testCase, 0);
        // One step per fresh network: later steps run on non-integer weights, where a potential
        // may sit within rounding of the threshold (the fixtures test long runs).
        const denseWeights = weights.map((layer) => layer.slice());
        const session = new EventSession(createNetwork(spec, weights));
        const dense = denseTrainStep(spec, denseWeights, input, labels[0]);
        const out = session.trainStep(input, labels[0], createTrainStepResult(spec));
        dense.forward.times.forEach((times, l) =>
          expect(Array.from(out.firingTimes[l])).toEqual(times),
        );
        expect(Array.from(out.targets)).toEqual(dense.targets);
        dense.deltas.forEach((delta, l) =>
          delta.forEach((value, j) =>
            expect(Math.abs(out.errors[l][j] - value)).toBeLessThan(1e-9),
          ),
        );
        session
          .getWeights()
          .forEach((layer, l) =>
            layer.forEach((value, k) =>
              expect(Math.abs(value - denseWeights[l][k])).toBeLessThan(1e-9),
            ),
          );
      }),
      { numRuns: 300 },
    );
  });
});
