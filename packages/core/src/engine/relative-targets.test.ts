import { describe, it, expect } from '@jest/globals';
import { normaliseL2, outputError, relativeTargets } from './relative-targets.js';

describe('relative targets and output error (spec 4.2-4.3)', () => {
  it('pulls every neuron within gamma of tau to tau + gamma, then sets the label to tau', () => {
    expect(
      Array.from(
        relativeTargets(Uint16Array.of(10, 11, 40, 12, 13), 2, 3, 256, new Uint16Array(5)),
      ),
    ).toEqual([13, 13, 10, 13, 13]);
    // The label's override comes last, even when the label itself fired first.
    expect(
      Array.from(relativeTargets(Uint16Array.of(10, 11, 40), 0, 3, 256, new Uint16Array(3))),
    ).toEqual([10, 13, 40]);
    // tau + gamma is capped at tmax.
    expect(
      Array.from(relativeTargets(Uint16Array.of(255, 256), 1, 3, 256, new Uint16Array(2))),
    ).toEqual([256, 255]);
  });

  it('targets tmax - gamma for the label when no output fired', () => {
    expect(
      Array.from(relativeTargets(Uint16Array.of(256, 256, 256), 1, 3, 256, new Uint16Array(3))),
    ).toEqual([256, 253, 256]);
  });

  it('normalises the error by its L2 norm, and leaves a zero error at zero', () => {
    const e = outputError(Uint16Array.of(10, 20), Uint16Array.of(13, 20), 256, new Float64Array(2));
    expect(Array.from(e)).toEqual([1, 0]);
    const both = outputError(
      Uint16Array.of(10, 14),
      Uint16Array.of(13, 10),
      256,
      new Float64Array(2),
    );
    expect(both[0]).toBeCloseTo(0.6, 15);
    expect(both[1]).toBeCloseTo(-0.8, 15);
    expect(Array.from(normaliseL2(new Float64Array(3)))).toEqual([0, 0, 0]);
  });
});
