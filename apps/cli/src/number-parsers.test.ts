import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from 'commander';
import {
  parseCategoryList,
  parseCount,
  parseFraction,
  parseNonNegativeInteger,
  parseNumberList,
} from './number-parsers.js';

describe('numeric flag parsers', () => {
  it('reads valid values', () => {
    expect(parseCount('3')).toBe(3);
    expect(parseNonNegativeInteger('0')).toBe(0);
    expect(parseFraction('0.1')).toBe(0.1);
    expect(parseFraction('0')).toBe(0);
    expect(parseNumberList('100,50.5')).toEqual([100, 50.5]);
    expect(parseCategoryList('4,1,0')).toEqual([4, 1, 0]);
  });

  it.each([
    [parseCount, '0'],
    [parseCount, '1.5'],
    [parseCount, ''],
    [parseCount, 'two'],
    [parseNonNegativeInteger, '-1'],
    [parseFraction, '1'],
    [parseFraction, '-0.1'],
    [parseFraction, 'half'],
    [parseNumberList, '100,'],
    [parseNumberList, '100,x'],
    [parseCategoryList, '4,1,4'],
    [parseCategoryList, '4,-1'],
    [parseCategoryList, '4,1.5'],
  ])('%p rejects %j as a usage error', (parse, text) => {
    expect(() => parse(text)).toThrow(InvalidArgumentError);
  });
});
