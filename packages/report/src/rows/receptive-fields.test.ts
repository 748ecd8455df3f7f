import { describe, expect, it } from '@jest/globals';
import { receptiveFieldGrid } from './receptive-fields.js';

const pixel = (grid: { rgba: Uint8Array; width: number }, x: number, y: number) =>
  Array.from(grid.rgba.subarray((y * grid.width + x) * 4, (y * grid.width + x) * 4 + 4));

describe('receptiveFieldGrid', () => {
  it('draws each neuron as a tile in the input shape, red positive, blue negative, scaled per neuron', () => {
    // Two neurons of a 2x2 input: [4, -2, 0, 1] and [0, 0, 0, -3].
    const grid = receptiveFieldGrid(new Float64Array([4, -2, 0, 1, 0, 0, 0, -3]), 2, [2, 2]);
    expect([grid.columns, grid.rows, grid.width, grid.height]).toEqual([2, 1, 7, 4]);
    expect(Array.from(grid.scales)).toEqual([4, 3]);
    expect(pixel(grid, 0, 0)).toEqual([128, 128, 128, 255]); // gap
    expect(pixel(grid, 1, 1)).toEqual([255, 0, 0, 255]); // +4 / 4
    expect(pixel(grid, 2, 1)).toEqual([128, 128, 255, 255]); // -2 / 4
    expect(pixel(grid, 1, 2)).toEqual([255, 255, 255, 255]); // 0
    expect(pixel(grid, 2, 2)).toEqual([255, 191, 191, 255]); // +1 / 4
    expect(pixel(grid, 5, 2)).toEqual([0, 0, 255, 255]); // -3 / 3
  });

  it('lays out the 400 hidden neurons of MNIST as 20 x 20 tiles of 28 x 28', () => {
    const grid = receptiveFieldGrid(new Float64Array(400 * 784).fill(1), 400, [28, 28]);
    expect([grid.columns, grid.rows, grid.width, grid.height]).toEqual([20, 20, 581, 581]);
  });

  it('makes a near-square tile of a 1-D input, and rejects weights of another size', () => {
    const grid = receptiveFieldGrid(new Float64Array(3 * 10), 3, [10]);
    expect([grid.tileHeight, grid.tileWidth, grid.columns, grid.rows]).toEqual([3, 4, 2, 2]);
    expect(() => receptiveFieldGrid(new Float64Array(5), 2, [2, 2])).toThrow(
      'receptive fields: 5 weights for 2 neurons x 4 inputs (input shape [2, 2])',
    );
  });
});
