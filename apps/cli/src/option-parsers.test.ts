import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from 'commander';
import { parseRange, parseShape } from './option-parsers.js';

describe('flag parsers', () => {
  it('reads shapes and ranges', () => {
    expect(parseShape('10x10')).toEqual([10, 10]);
    expect(parseShape('784')).toEqual([784]);
    expect(parseRange('0,255')).toEqual([0, 255]);
    expect(parseRange('-1,0.5')).toEqual([-1, 0.5]);
  });

  it.each(['', '10x', '0x3', '2.5', 'ten'])('rejects shape %j as a usage error', (text) => {
    expect(() => parseShape(text)).toThrow(InvalidArgumentError);
  });

  it.each(['', '0', '1,', '2,1', '0,1,2', 'a,b'])('rejects range %j as a usage error', (text) => {
    expect(() => parseRange(text)).toThrow(InvalidArgumentError);
  });
});
