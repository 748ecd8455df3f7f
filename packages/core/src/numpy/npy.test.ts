import { describe, expect, it } from '@jest/globals';
import { numpyFixture } from '../test-support/numpy-fixtures.js';
import { ramp } from '../test-support/tiny-model.js';
import { readNpy, writeNpy } from './npy.js';

const CONVERSION = 'np.savez(f, *[np.asarray(w, dtype=np.float64) for w in W])';

describe('readNpy', () => {
  it.each([
    ['layer-f8.npy', '<f8'],
    ['layer-be-f8.npy', '>f8'],
    ['layer-be-f4.npy', '>f4'],
    ['layer-v2.npy', '<f8'],
    ['layer-v3.npy', '<f8'],
  ])('reads %s (dtype %s) as float64 in C order', (file, dtype) => {
    expect(readNpy(numpyFixture(file), file)).toEqual({ shape: [2, 3], data: ramp(6), dtype });
  });

  it('transposes a Fortran-order array into C order', () => {
    expect(readNpy(numpyFixture('fortran-f8.npy'), 'fortran-f8.npy')).toEqual({
      shape: [2, 3, 2],
      data: ramp(12),
      dtype: '<f8',
    });
  });

  it('refuses a pickled object array, saying how to convert it', () => {
    expect(() => readNpy(numpyFixture('object.npy'), 'object.npy')).toThrow(
      `object.npy: holds a pickled object array (dtype '|O'), which s4nn never unpickles; convert it in Python with ${CONVERSION}`,
    );
  });

  it('refuses integer arrays, naming the dtype', () => {
    expect(() => readNpy(numpyFixture('int64.npy'), 'int64.npy')).toThrow(
      "int64.npy: dtype '<i8' is not supported: expected float64 ('<f8', '>f8') or float32 ('<f4', '>f4')",
    );
  });

  it('refuses truncated and foreign files', () => {
    const bytes = numpyFixture('layer-f8.npy');
    expect(() => readNpy(bytes.subarray(0, bytes.length - 8), 'cut.npy')).toThrow(
      "cut.npy: shape 2x3 of '<f8' needs 48 data bytes, the file has 40 (truncated)",
    );
    expect(() => readNpy(bytes.subarray(0, 60), 'cut.npy')).toThrow(
      'cut.npy: truncated: the header needs 128 bytes',
    );
    expect(() => readNpy(new TextEncoder().encode('PK\u0003\u0004 not numpy'), 'x.npy')).toThrow(
      'x.npy: not a .npy file',
    );
    const v2 = numpyFixture('layer-v2.npy');
    expect(() => readNpy(v2.subarray(0, 11), 'cut-v2.npy')).toThrow(
      'cut-v2.npy: truncated: the header length needs 12 bytes',
    );
    const future = bytes.slice();
    future[6] = 4;
    expect(() => readNpy(future, 'future.npy')).toThrow(
      'future.npy: .npy format version 4.0 is not supported',
    );
  });

  it('refuses a header that is not a plain literal, never evaluating it', () => {
    const header = "{'descr': __import__('os').system('x'), }".padEnd(117, ' ') + '\n';
    const bytes = new Uint8Array(10 + header.length);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length, 0]);
    bytes.set(new TextEncoder().encode(header), 10);
    expect(() => readNpy(bytes, 'evil.npy')).toThrow(
      /^evil\.npy: unreadable \.npy header \(expected a string/,
    );
  });
});

describe('writeNpy', () => {
  it('writes the very bytes np.save writes for the same array', () => {
    expect(writeNpy({ shape: [2, 3], data: ramp(6) })).toEqual(numpyFixture('layer-f8.npy'));
  });

  it.each([[[5]], [[]], [[2, 1, 3]], [[0, 4]]])('round-trips shape %j through readNpy', (shape) => {
    const count = shape.reduce((product, size) => product * size, 1);
    const bytes = writeNpy({ shape, data: ramp(count) });
    expect(bytes.length % 64).toBe((count * 8) % 64); // the data starts 64-byte aligned
    expect(readNpy(bytes, 'x.npy')).toEqual({ shape, data: ramp(count), dtype: '<f8' });
  });

  it('refuses data that does not fill the shape', () => {
    expect(() => writeNpy({ shape: [2, 3], data: ramp(5) })).toThrow(
      'writeNpy: shape 2x3 holds 6 values, the data has 5',
    );
  });
});
