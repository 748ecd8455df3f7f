import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { createRng } from '../../random/rng.js';
import { inputWidth } from '../../spec/network-shape.js';
import { EventSession } from '../event/event-session.js';
import { createEarlyExitResult, createForwardResult } from '../results.js';
import { checkForwardAgreement, checkTrainingAgreement } from './engine-agreement.js';
import { createTfjsSession } from './register-tfjs-engine.js';
import { integerCases, networkOf, type IntegerCase } from './test-support/integer-networks.js';
import type { PotentialFormulation } from './tfjs-options.js';

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
    const sessions = async (testCase: IntegerCase, seed?: number) => ({
      event: new EventSession(networkOf(testCase), {
        rng: seed === undefined ? undefined : createRng(seed),
      }),
      tfjs: await createTfjsSession(networkOf(testCase), {
        backend,
        potentials,
        rng: seed === undefined ? undefined : createRng(seed),
      }),
    });

    it('forward: identical firing times, potentials and decisions', async () => {
      await fc.assert(
        fc.asyncProperty(integerCases({ maxHidden: 3 }), async (testCase) => {
          const { event, tfjs } = await sessions(testCase);
          const report = checkForwardAgreement(event, tfjs, testCase.inputs);
          expect(report.identicalTimes).toBe(report.samples);
          expect(report.identicalDecisions).toBe(report.samples);
          // Integer potentials: the crossing and fallback potentials are exact too.
          const width = inputWidth(testCase.spec);
          const expected = createForwardResult(testCase.spec);
          const actual = createForwardResult(testCase.spec);
          for (let s = 0; s < testCase.labels.length; s++) {
            const input = testCase.inputs.subarray(s * width, (s + 1) * width);
            event.forward(input, expected);
            tfjs.forward(input, actual);
            expect(actual).toEqual(expected);
          }
          await tfjs.dispose();
        }),
        runs,
      );
    });

    it('forwardEarlyExit and batches: the event engine results, row for row', async () => {
      await fc.assert(
        fc.asyncProperty(integerCases({ maxHidden: 3 }), async (testCase) => {
          const { event, tfjs } = await sessions(testCase);
          const width = inputWidth(testCase.spec);
          const expected = createEarlyExitResult(testCase.spec);
          const actual = createEarlyExitResult(testCase.spec);
          for (let s = 0; s < testCase.labels.length; s++) {
            const input = testCase.inputs.subarray(s * width, (s + 1) * width);
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
          await tfjs.dispose();
        }),
        runs,
      );
    });

    it('trainStep: identical times and targets, errors and weights to float32 precision', async () => {
      await fc.assert(
        fc.asyncProperty(integerCases({ maxHidden: 3 }), async (testCase) => {
          const { event, tfjs } = await sessions(testCase);
          const report = checkTrainingAgreement(
            event,
            tfjs,
            testCase.weights,
            testCase.inputs,
            testCase.labels,
          );
          expect(report.steps).toBe(testCase.labels.length);
          expect(report.integerMismatches).toBe(0);
          expect(report.maxErrorDifference).toBeLessThan(1e-6);
          expect(report.maxWeightDifference).toBeLessThan(1e-6);
          await tfjs.dispose();
        }),
        runs,
      );
    });

    it('trainStep with dropout: the same seed silences the same inputs in both engines', async () => {
      await fc.assert(
        fc.asyncProperty(
          integerCases({ maxHidden: 2, dropout: 0.3 }),
          fc.nat(),
          async (testCase, seed) => {
            const { event, tfjs } = await sessions(testCase, seed);
            const report = checkTrainingAgreement(
              event,
              tfjs,
              testCase.weights,
              testCase.inputs,
              testCase.labels,
            );
            expect(report.integerMismatches).toBe(0);
            expect(report.maxWeightDifference).toBeLessThan(1e-6);
            await tfjs.dispose();
          },
        ),
        { ...runs, numRuns: 15 },
      );
    });
  },
);
