import { describe, expect, it } from '@jest/globals';
import { parsePythonLiteral } from './python-literal.js';

describe('parsePythonLiteral', () => {
  it('reads a numpy header dict', () => {
    expect(
      parsePythonLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (400, 28, 28), }"),
    ).toEqual({
      descr: '<f8',
      fortran_order: false,
      shape: [400, 28, 28],
    });
  });

  it('reads one-element and empty tuples, lists, None, double quotes and Python 2 longs', () => {
    expect(
      parsePythonLiteral('{"a": (3,), "b": (), "c": [1, [2]], "d": None, "e": True, "f": 10L}'),
    ).toEqual({
      a: [3],
      b: [],
      c: [1, [2]],
      d: null,
      e: true,
      f: 10,
    });
  });

  it('keeps __proto__ a plain key', () => {
    const value = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it.each([
    [
      "{'descr': __import__('os')}",
      /expected a string, number, True, False, None, dict, tuple or list at character 10/,
    ],
    ["{'shape': (1, 2}", /expected ',' or '\)' at character 15/],
    ["{'a': 1} extra", /expected the end of the header at character 9/],
    ["{'a: 1}", /expected closing ' at character 7/],
    ['{1: 2}', /expected a string key/],
  ])('refuses %s', (text, message) => {
    expect(() => parsePythonLiteral(text)).toThrow(message);
  });
});
