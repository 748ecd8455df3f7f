import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { createRng } from '../../random/rng.js';
import { EventSession } from '../event/event-session.js';
import { createEarlyExitResult, createForwardResult } from '../results.js';
import { checkForwardAgreement, checkTrainingAgreement } from './engine-agreement.js';
import { createTfjsSession } from './register-tfjs-engine.js';
import {
  integerCases,
  networkOf,
  sampleOf,
  type IntegerCase,
} from '../../test-support/integer-networks.js';
import type { PotentialFormulation } from './tfjs-options.js';
import type { TfjsSession } from './tfjs-session.js';

const runs = { numRuns: 25, seed: 20261204 };

/**
 * The tfjs engine against the event engine on integer-weight networks of 1-3 hidden layers, on
 * both local backends and both potential formulations: exact firing times, decisions, targets;
 * errors and updated weights to float32 precision.
 */
describe.each([
  ['cpu', 'increments'],
  ['wasm', 'increments'],
  ['wasm', 'indicator'],
] as const)(
  'tfjs engine on %s (%s) agrees with the event engine',
  (backend, potentials: PotentialFormulation) => {
    /**
     * Checks `check` on every generated case, on an event and a tfjs session of the case's
     * network (with rngs seeded alike when the case has a seed).
     */
    const forEachCase = (
      cases: fc.Arbitrary<{ testCase: IntegerCase; seed?: number }>,
      check: (
        testCase: IntegerCase,
        event: EventSession,
        tfjs: TfjsSession,
      ) => Promise<void> | void,
      numRuns = runs.numRuns,
    ) =>
      fc.assert(
        fc.asyncProperty(cases, async ({ testCase, seed }) => {
          const rng = () => (seed === undefined ? undefined : createRng(seed));
          const event = new EventSession(networkOf(testCase), { rng: rng() });
          const tfjs = await createTfjsSession(networkOf(testCase), {
            backend,
            potentials,
            rng: rng(),
          });
          try {
            await check(testCase, event, tfjs);
          } finally {
            await tfjs.dispose();
          }
        }),
        { ...runs, numRuns },
      );
    /** One training step per sample of the case on both sessions, from the case's weights. */
    const trainingAgreement = (testCase: IntegerCase, event: EventSession, tfjs: TfjsSession) =>
      checkTrainingAgreement(event, tfjs, testCase.weights, testCase.inputs, testCase.labels);
    const unseeded = integerCases({ maxHidden: 3 }).map((testCase) => ({ testCase }));

    it('forward: identical firing times, potentials and decisions', async () => {
      await forEachCase(unseeded, (testCase, event, tfjs) => {
        const report = checkForwardAgreement(event, tfjs, testCase.inputs);
        expect(report.identicalTimes).toBe(report.samples);
        expect(report.identicalDecisions).toBe(report.samples);
        // Integer potentials: the crossing and fallback potentials are exact too.
        const expected = createForwardResult(testCase.spec);
        const actual = createForwardResult(testCase.spec);
        for (let s = 0; s < testCase.labels.length; s++) {
          const input = sampleOf(testCase, s);
          event.forward(input, expected);
          tfjs.forward(input, actual);
          expect(actual).toEqual(expected);
        }
      });
    });

    it('forwardEarlyExit and batches: the event engine results, row for row', async () => {
      await forEachCase(unseeded, async (testCase, event, tfjs) => {
        const expected = createEarlyExitResult(testCase.spec);
        const actual = createEarlyExitResult(testCase.spec);
        for (let s = 0; s < testCase.labels.length; s++) {
          const input = sampleOf(testCase, s);
          expect(tfjs.forwardEarlyExit(input, actual)).toEqual(
            event.forwardEarlyExit(input, expected),
          );
        }
        for (const earlyExit of [false, true]) {
          const expectedBatch = await event.forwardBatch(testCase.inputs, { earlyExit });
          expect(await tfjs.forwardBatch(testCase.inputs, { earlyExit })).toEqual(expectedBatch);
        }
        const evaluation = await tfjs.evaluate(testCase.inputs, testCase.labels);
        expect(evaluation).toEqual(await event.evaluate(testCase.inputs, testCase.labels));
      });
    });

    it('trainStep: identical times and targets, errors and weights to float32 precision', async () => {
      await forEachCase(unseeded, (testCase, event, tfjs) => {
        const report = trainingAgreement(testCase, event, tfjs);
        expect(report.steps).toBe(testCase.labels.length);
        expect(report.integerMismatches).toBe(0);
        expect(report.maxErrorDifference).toBeLessThan(1e-6);
        expect(report.maxWeightDifference).toBeLessThan(1e-6);
      });
    });

    it('trainStep with dropout: the same seed silences the same inputs in both engines', async () => {
      const seeded = fc.record({
        testCase: integerCases({ maxHidden: 2, dropout: 0.3 }),
        seed: fc.nat(),
      });
      await forEachCase(
        seeded,
        (testCase, event, tfjs) => {
          const report = trainingAgreement(testCase, event, tfjs);
          expect(report.integerMismatches).toBe(0);
          expect(report.maxWeightDifference).toBeLessThan(1e-6);
        },
        15,
      );
    });
  },
);
