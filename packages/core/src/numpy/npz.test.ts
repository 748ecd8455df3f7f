import { describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { numpyFixture } from '../test-support/numpy-fixtures.js';
import { ramp } from '../test-support/tiny-model.js';
import { writeNpy } from './npy.js';
import { readNpz, writeNpz } from './npz.js';

describe('readNpz', () => {
  it('reads np.savez(f, *W) (stored, zip64 records): arr_0, arr_1 with their shapes', () => {
    const arrays = readNpz(numpyFixture('savez-f8.npz'), 'savez-f8.npz');
    expect([...arrays.keys()]).toEqual(['arr_0', 'arr_1']);
    expect(arrays.get('arr_0')).toEqual({ shape: [3, 2, 2], data: ramp(12), dtype: '<f8' });
    expect(arrays.get('arr_1')).toEqual({ shape: [2, 3, 1], data: ramp(6), dtype: '<f8' });
  });

  it('reads np.savez_compressed (deflated) float32 members as float64', () => {
    const arrays = readNpz(numpyFixture('named-f4.npz'), 'named-f4.npz');
    expect(arrays.get('w0')).toEqual({ shape: [3, 4], data: ramp(12), dtype: '<f4' });
    expect(arrays.get('w1')).toEqual({ shape: [2, 3], data: ramp(6), dtype: '<f4' });
  });

  it('names the archive and member of a pickled object array', () => {
    expect(() => readNpz(numpyFixture('object.npz'), 'object.npz')).toThrow(
      "object.npz:arr_0.npy: holds a pickled object array (dtype '|O')",
    );
  });

  it('refuses a file that is not a zip', () => {
    expect(() => readNpz(numpyFixture('layer-f8.npy'), 'layer.npz')).toThrow(
      /^layer\.npz: not a readable \.npz \(zip\) file/,
    );
  });
});

describe('writeNpz', () => {
  it('stores each array as the .npy bytes np.save writes, in the order given, reproducibly', () => {
    const arrays = [
      ['arr_1', { shape: [2, 3], data: ramp(6) }],
      ['arr_0', { shape: [3, 4], data: ramp(12) }],
    ] as const;
    const npz = writeNpz(arrays);
    const members = unzipSync(npz);
    expect(Object.keys(members)).toEqual(['arr_1.npy', 'arr_0.npy']);
    expect(members['arr_1.npy']).toEqual(numpyFixture('layer-f8.npy'));
    expect(members['arr_0.npy']).toEqual(writeNpy(arrays[1][1]));
    expect(writeNpz(arrays)).toEqual(npz);
  });
});
