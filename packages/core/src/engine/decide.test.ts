import { describe, it, expect } from '@jest/globals';
import { decide, isCorrectTiesCounted } from './decide.js';

const TMAX = 256;
const noFallback = new Float64Array(3);

describe('decide (spec 3)', () => {
  it('takes the earliest output spike; on a tie the larger crossing potential, then the lowest index', () => {
    const d = decide(Uint16Array.of(9, 7, 7), Float64Array.of(NaN, 101, 104), noFallback, TMAX);
    expect(d).toEqual({
      prediction: 2,
      lowestIndexPrediction: 1,
      decisionTime: 7,
      fallback: false,
      tiedAtMinimum: 2,
    });
    const equal = decide(Uint16Array.of(7, 7, 7), Float64Array.of(104, 101, 104), noFallback, TMAX);
    expect([equal.prediction, equal.lowestIndexPrediction, equal.tiedAtMinimum]).toEqual([0, 0, 3]);
  });

  it('falls back to the argmax of V(tmax-3), lowest index on ties, when no output neuron fired', () => {
    const d = decide(
      Uint16Array.of(256, 256, 256),
      Float64Array.of(NaN, NaN, NaN),
      Float64Array.of(3, 90.5, 90.5),
      TMAX,
    );
    expect(d).toEqual({
      prediction: 1,
      lowestIndexPrediction: 1,
      decisionTime: 256,
      fallback: true,
      tiedAtMinimum: 0,
    });
  });

  it('counts ties correct as the published evaluation does', () => {
    const times = Uint16Array.of(9, 7, 7);
    const d = decide(times, Float64Array.of(NaN, 101, 104), noFallback, TMAX);
    expect([0, 1, 2].map((label) => isCorrectTiesCounted(times, label, d))).toEqual([
      false,
      true,
      true,
    ]);
    const none = Uint16Array.of(256, 256, 256);
    const f = decide(none, noFallback, Float64Array.of(1, 5, 2), TMAX);
    expect([0, 1, 2].map((label) => isCorrectTiesCounted(none, label, f))).toEqual([
      false,
      true,
      false,
    ]);
  });
});
