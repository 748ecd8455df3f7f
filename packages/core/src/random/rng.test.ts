import { describe, it, expect } from '@jest/globals';
import { createRng, restoreRng } from './rng.js';

describe('createRng (xoshiro128**)', () => {
  it('produces the reference xoshiro128** outputs from the state [1, 2, 3, 4]', () => {
    // The test vector of the reference implementation (as used by e.g. Rust's rand_xoshiro).
    const rng = createRng(0);
    rng.setState({ algorithm: 'xoshiro128**', state: [1, 2, 3, 4] });
    const outputs = Array.from({ length: 10 }, () => rng.nextUint32());
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
      4258142804,
    ]);
  });

  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
  });

  it('draws doubles in [0, 1) and integers in 0..n-1 that cover the range', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const u = rng.uniform(-2, 3);
      expect(u >= -2 && u < 3).toBe(true);
      seen.add(rng.integer(6));
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(() => rng.integer(0)).toThrow('n must be an integer in 1..2^32 (got 0)');
  });

  it('makes permutations and restores a saved state exactly', () => {
    const rng = createRng(3);
    const order = rng.permutation(100);
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );
    const saved = rng.getState();
    const next = [rng.next(), rng.integer(1000), rng.next()];
    const resumed = restoreRng(JSON.parse(JSON.stringify(saved)));
    expect([resumed.next(), resumed.integer(1000), resumed.next()]).toEqual(next);
    const copy = resumed.clone();
    expect(copy.next()).toBe(resumed.next());
  });

  it('rejects bad seeds and states with a message naming them', () => {
    expect(() => createRng(-1)).toThrow(
      'createRng: seed must be an integer in 0..4294967295 (got -1)',
    );
    expect(() => createRng(1.5)).toThrow('seed must be an integer');
    expect(() => createRng(0).setState({ algorithm: 'xoshiro128**', state: [0, 0, 0, 0] })).toThrow(
      'not all 0',
    );
  });
});
