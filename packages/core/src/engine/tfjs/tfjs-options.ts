import type { EngineInfo, EngineOptions } from '../engine.js';

/** The name the tfjs engine registers under (`--engine tfjs`). */
export const TFJS_ENGINE = 'tfjs';

/** What `--backend` accepts: `auto` takes the first of tensorflow (GPU, then CPU build), wasm, cpu. */
export type TfjsBackendChoice = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

export const TFJS_BACKEND_CHOICES: readonly TfjsBackendChoice[] = [
  'auto',
  'tensorflow',
  'wasm',
  'cpu',
];

/** The backend a session runs on, as run-start events and `s4nn info --engines` report it. */
export interface TfjsBackendInfo {
  /** The tfjs backend name: `tensorflow`, `wasm` or `cpu`. */
  backend: 'tensorflow' | 'wasm' | 'cpu';
  /** The npm package that provides it. */
  package: string;
  /** True when the backend is the CUDA build (`@tensorflow/tfjs-node-gpu`). */
  gpu: boolean;
}

/**
 * A tfjs session's `info`: the engine contract's fields (device `gpu` on tfjs-node-gpu) plus the
 * backend's package and GPU flag.
 */
export type TfjsSessionInfo = EngineInfo & TfjsBackendInfo & { engine: typeof TFJS_ENGINE };

/**
 * How the potentials V_j(t) are computed: `indicator`, a matrix product with the cumulative
 * spike indicator (deterministic, what a GPU does best); `increments`, per-step sums scattered
 * from the weights and a running sum over time (tmax times fewer operations: what the wasm and
 * cpu backends do best).
 */
export type PotentialFormulation = 'indicator' | 'increments';

/** Options of the `tfjs` engine: the engine contract's, plus the backend and a memory budget. */
export interface TfjsEngineOptions extends EngineOptions {
  /** Which tfjs backend runs the tensor programs (default `auto`). */
  backend?: TfjsBackendChoice;
  /**
   * Bytes one tensor program may allocate; batches are split to fit (default: a quarter of free
   * memory, 1 GiB at most). On a GPU, set it below the device's free memory.
   */
  memoryBudgetBytes?: number;
  /** Default: `indicator` on the tensorflow backend, `increments` on wasm and cpu. */
  potentials?: PotentialFormulation;
}

/** How to get the native backends (they download libtensorflow at install time). */
export const TFJS_GPU_INSTALL_HINT =
  'on a machine with CUDA, install it with `npm install @tensorflow/tfjs-node-gpu@4.22.0` ' +
  '(or `@tensorflow/tfjs-node@4.22.0` for the native CPU build); both must match tfjs-core 4.22.0';
