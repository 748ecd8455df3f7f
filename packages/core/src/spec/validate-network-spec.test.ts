import { describe, it, expect } from '@jest/globals';
import { validateNetworkSpec } from './validate-network-spec.js';
import { notebookSpec, paperMnistSpec } from './reference-specs.js';
import { inputWidth, layerInputWidth, layerSizes, outputSize } from './network-shape.js';
import { SpecError } from './spec-error.js';

function errorOf(spec: unknown): SpecError {
  try {
    validateNetworkSpec(spec);
  } catch (error) {
    return error as SpecError;
  }
  throw new Error('expected validateNetworkSpec to throw');
}

describe('validateNetworkSpec', () => {
  it('accepts the reference configurations of spec 7', () => {
    expect(() => validateNetworkSpec(paperMnistSpec())).not.toThrow();
    expect(() => validateNetworkSpec(notebookSpec())).not.toThrow();
    expect(layerSizes(notebookSpec())).toEqual([100, 40, 40, 6]);
    expect([
      inputWidth(paperMnistSpec()),
      layerInputWidth(paperMnistSpec(), 1),
      outputSize(paperMnistSpec()),
    ]).toEqual([784, 400, 10]);
  });

  it('names the bad field and the value given', () => {
    const spec = paperMnistSpec();
    const error = errorOf({
      ...spec,
      layers: [spec.layers[0], { ...spec.layers[1], threshold: 'x' }],
    });
    expect(error).toBeInstanceOf(SpecError);
    expect(error.message).toBe(
      'invalid network spec: layers[1].threshold must be a number (got "x")',
    );
    expect(error.field).toBe('layers[1].threshold');
  });

  it.each([
    [{ tmax: 2.5 }, 'tmax must be an integer (got 2.5)'],
    [{ tmax: 70000 }, 'tmax must be less than or equal to 65535'],
    [{ inputShape: [] }, 'inputShape must contain at least 1 items'],
    [{ gamma: -1 }, 'gamma must be greater than or equal to 0'],
    [{ treshold: 1 }, 'treshold is not a known field'],
  ])('rejects %j', (change, message) => {
    expect(errorOf({ ...paperMnistSpec(), ...change }).message).toContain(message);
  });

  it('rejects a negative threshold, a reversed init range and a dropout of 1', () => {
    const layer = paperMnistSpec().layers[0];
    const withLayer = (changed: object) => ({
      ...paperMnistSpec(),
      layers: [{ ...layer, ...changed }],
    });
    expect(errorOf(withLayer({ threshold: -1 })).field).toBe('layers[0].threshold');
    expect(errorOf(withLayer({ initRange: [5, 1] })).message).toBe(
      'invalid network spec: layers[0].initRange must be [a, b] with a <= b (got [5, 1])',
    );
    expect(errorOf(withLayer({ dropout: 1 })).field).toBe('layers[0].dropout');
    expect(errorOf(withLayer({ size: 0 })).field).toBe('layers[0].size');
    expect(errorOf(null).message).toBe('invalid network spec: expected an object');
  });
});
