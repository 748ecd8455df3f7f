import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import type { NetworkSpec, Weights } from '../../spec/network-spec.js';
import { createEarlyExitResult, createForwardResult, createTrainStepResult } from '../results.js';
import { denseDecision, denseForward, denseTrainStep } from '../../test-support/dense-reference.js';
import { createNetwork } from '../../network/network.js';
import { EventSession } from './event-session.js';

/**
 * Random small networks with integer weights and thresholds: every potential is an exact integer
 * in floating point, so the event engine and the dense reference must agree bit for bit.
 */
interface Case {
  spec: NetworkSpec;
  weights: Weights;
  inputs: Uint16Array[];
  labels: number[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    width: fc.integer({ min: 1, max: 12 }),
    hidden: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 3 }),
    outputs: fc.integer({ min: 1, max: 5 }),
    tmax: fc.integer({ min: 4, max: 40 }),
    gamma: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer(),
  })
  .chain(({ width, hidden, outputs, tmax, gamma }) => {
    const sizes = [width, ...hidden, outputs];
    const layerCount = sizes.length - 1;
    return fc
      .record({
        thresholds: fc.array(fc.integer({ min: 0, max: 20 }), {
          minLength: layerCount,
          maxLength: layerCount,
        }),
        weights: fc.tuple(
          ...sizes.slice(1).map((size, l) =>
            fc.array(fc.integer({ min: -4, max: 9 }), {
              minLength: size * sizes[l],
              maxLength: size * sizes[l],
            }),
          ),
        ),
        inputs: fc.array(
          fc.array(fc.integer({ min: 0, max: tmax }), { minLength: width, maxLength: width }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        labelSeeds: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
      })
      .map(({ thresholds, weights, inputs, labelSeeds }) => ({
        spec: {
          inputShape: [width],
          tmax,
          gamma,
          layers: sizes.slice(1).map((size, l) => ({
            size,
            threshold: thresholds[l],
            initRange: [0, 1] as [number, number],
            learningRate: 0.25,
            weightDecay: 1e-3,
            dropout: 0,
          })),
        },
        weights: weights.map((layer) => Float64Array.from(layer)),
        inputs: inputs.map((times) => Uint16Array.from(times)),
        labels: labelSeeds.map((seed) => seed % outputs),
      }));
  });

describe('event engine equals the dense reference (fast-check)', () => {
  it('forward: firing times of every layer, decisions, V(tmax-3); early exit decides the same', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ spec, weights, inputs }) => {
        const session = new EventSession(createNetwork(spec, weights));
        const out = createForwardResult(spec);
        const early = createEarlyExitResult(spec);
        for (const input of inputs) {
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
      fc.property(caseArbitrary, ({ spec, weights, inputs, labels }) => {
        // One step per fresh network: later steps run on non-integer weights, where a potential
        // may sit within rounding of the threshold (the fixtures test long runs).
        const denseWeights = weights.map((layer) => layer.slice());
        const session = new EventSession(createNetwork(spec, weights));
        const dense = denseTrainStep(spec, denseWeights, inputs[0], labels[0]);
        const out = session.trainStep(inputs[0], labels[0], createTrainStepResult(spec));
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
