import { describe, expect, it } from '@jest/globals';
import { PNG } from 'pngjs';
import { encodePng } from './encode-png.js';

describe('encodePng', () => {
  it('writes a PNG that a decoder reads back pixel for pixel', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const decoded = PNG.sync.read(encodePng(rgba, 3, 2));
    expect([decoded.width, decoded.height]).toEqual([3, 2]);
    expect(Uint8Array.from(decoded.data)).toEqual(rgba);
  });

  it('rejects pixels of another size', () => {
    expect(() => encodePng(new Uint8Array(8), 3, 1)).toThrow(
      'encodePng: 8 bytes for a 3 x 1 RGBA image',
    );
  });
});
