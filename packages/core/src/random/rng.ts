import { SpecError } from '../spec/spec-error.js';

/**
 * The saved state of an {@link Rng}: JSON-friendly, for checkpoints that resume a run exactly.
 */
export interface RngState {
  algorithm: 'xoshiro128**';
  /** The four 32-bit state words, as unsigned integers. */
  state: [number, number, number, number];
}

/** The project's one seeded pseudo-random generator. See {@link createRng}. */
export interface Rng {
  /** A double uniform in [0, 1), with 53 random bits. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A double uniform in [a, b): `a + (b - a) * next()`. */
  uniform(a: number, b: number): number;
  /** An integer uniform in 0..n-1 (no modulo bias); 1 <= n <= 2^32. */
  integer(n: number): number;
  /** True with probability p: `next() < p`. */
  bernoulli(p: number): boolean;
  /** Fills `target` with uniform values in [a, b), in index order; returns it. */
  fillUniform(target: Float64Array, a: number, b: number): Float64Array;
  /** Shuffles `items` in place (Fisher-Yates from the end); returns it. */
  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T;
  /** A uniformly random permutation of 0..n-1 (the identity, shuffled). */
  permutation(n: number): Uint32Array;
  /** The current state; `setState` of it replays the same numbers. */
  getState(): RngState;
  /** Restores a state returned by `getState` (of this or any other Rng). */
  setState(state: RngState): void;
  /** An independent copy that continues from the same state. */
  clone(): Rng;
}

/**
 * Creates the seeded generator every part of s4nn uses, so that a seed fixes a run (spec 5).
 *
 * Algorithm: xoshiro128** (Blackman and Vigna, 2018), a 128-bit-state generator on 32-bit
 * integer operations only (`Math.imul`, shifts), so every machine and JS engine produces the same
 * numbers. The state is seeded from the 32-bit seed by four rounds of the splitmix32 hash
 * (increment 0x9e3779b9, then xor-shift-multiply with 0x21f0aaad and 0x735a2d97). `next()` joins
 * 27 + 26 bits of two outputs into a 53-bit double in [0, 1).
 *
 * ## Example
 * ```ts
 * const rng = createRng(42);
 * const order = rng.permutation(60000); // the epoch's visiting order
 * const saved = rng.getState();         // store it in a checkpoint
 * ```
 *
 * @param seed An integer in 0..2^32-1.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new SpecError(
      `createRng: seed must be an integer in 0..4294967295 (got ${seed})`,
      'seed',
    );
  }
  const state = new Uint32Array(4);
  let mix = seed >>> 0;
  for (let k = 0; k < 4; k++) {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    state[k] = (z ^ (z >>> 15)) >>> 0;
  }
  // xoshiro must not start from the all-zero state (it would stay there).
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return new Xoshiro128StarStar(state);
}

/** Creates a generator that continues from a saved {@link RngState}. */
export function restoreRng(saved: RngState): Rng {
  const rng = createRng(0);
  rng.setState(saved);
  return rng;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;

class Xoshiro128StarStar implements Rng {
  constructor(private readonly s: Uint32Array) {}

  nextUint32(): number {
    const s = this.s;
    const s1 = s[1];
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return result;
  }

  next(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  integer(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new SpecError(`Rng.integer: n must be an integer in 1..2^32 (got ${n})`, 'n');
    }
    // Rejection sampling: accept only draws below the largest multiple of n, so every residue is
    // equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const draw = this.nextUint32();
      if (draw < limit) return draw % n;
    }
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  fillUniform(target: Float64Array, a: number, b: number): Float64Array {
    const width = b - a;
    for (let i = 0; i < target.length; i++) target[i] = a + width * this.next();
    return target;
  }

  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
    return items;
  }

  permutation(n: number): Uint32Array {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return this.shuffle(order);
  }

  getState(): RngState {
    const [a, b, c, d] = this.s;
    return { algorithm: 'xoshiro128**', state: [a, b, c, d] };
  }

  setState(saved: RngState): void {
    const words = saved?.state;
    const valid =
      saved?.algorithm === 'xoshiro128**' &&
      Array.isArray(words) &&
      words.length === 4 &&
      words.every((word) => Number.isInteger(word) && word >= 0 && word <= 0xffffffff) &&
      words.some((word) => word !== 0);
    if (!valid) {
      throw new SpecError(
        'Rng.setState: expected { algorithm: "xoshiro128**", state: four uint32 words, not all 0 }',
        'state',
      );
    }
    this.s.set(words);
  }

  clone(): Rng {
    return new Xoshiro128StarStar(Uint32Array.from(this.s));
  }
}
