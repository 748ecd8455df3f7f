import type { Network } from '../network/network.js';
import type { Rng } from '../random/rng.js';
import type { Weights } from '../spec/network-spec.js';
import type { BatchResult, EarlyExitResult, ForwardResult, TrainStepResult } from './results.js';
import type { EvaluationSummary } from './summarise-batch.js';

/**
 * What a session runs on, for run-start events, logs and `s4nn info --engines`.
 *
 * ## Example
 * ```ts
 * const { engine, backend, device } = session.info; // 'tfjs', 'wasm', 'cpu'
 * ```
 */
export interface EngineInfo {
  /** The engine's registered name (`event`, `tfjs`). */
  engine: string;
  /** What computes inside the engine: `typed-arrays` (event); `tensorflow`, `wasm`, `cpu` (tfjs). */
  backend: string;
  /** Where the arithmetic runs. */
  device: 'cpu' | 'gpu';
  /** One human-readable line more (package, precision, formulation). */
  detail?: string;
}

/** Options of {@link EngineDefinition.create}. */
export interface EngineOptions {
  /** Draws the dropout masks of `trainStep` (spec 4); required when any layer has dropout > 0. */
  rng?: Rng;
  /**
   * The engine's compute backend (`--backend`); each engine validates it and throws naming the
   * option. `auto` (or leaving it out) lets the engine pick. tfjs: `tensorflow`, `wasm`, `cpu`;
   * event: only `auto` (it has one backend).
   */
  backend?: string;
}

/** Options of the batched calls. */
export interface BatchOptions {
  /** Stop each sample at its first output spike (same decisions, partial output times). */
  earlyExit?: boolean;
  /**
   * Worker threads to spread the batch over; 0 (the default) runs it in the calling thread
   * (blocking it). With threads, inputs on a SharedArrayBuffer are read in place (else copied
   * once per call) and the result's arrays are SharedArrayBuffer-backed.
   */
  threads?: number;
  /** A result to fill instead of allocating one (its `count` must equal the batch's). */
  out?: BatchResult;
}

/** A batch's per-sample results and the figures of spec 6 over it. */
export interface Evaluation {
  batch: BatchResult;
  /** The figures of spec 6 over the batch, as `summariseBatch(batch, labels)` computes them. */
  summary: EvaluationSummary;
}

/**
 * A network bound to an engine. Per-sample calls are synchronous and write into caller-owned
 * result objects (allocate them once with `createForwardResult(spec)` etc.); batched calls are
 * async (they may use worker threads or a GPU).
 *
 * Weights: the session owns the current weights. After `trainStep` or before reading or saving
 * the weights, call `getWeights()`: it brings `network.weights` (row-major) up to date and
 * returns it. After changing weights outside the session (e.g. `redrawDeadNeurons`), call
 * `setWeights`. Do not call `trainStep`/`setWeights` while a batched call is pending. Batched
 * calls may overlap each other (a server's concurrent requests): each fills its own result.
 *
 * ## Example
 * ```ts
 * const session = await createSession(network, { rng: createRng(seed) });
 * const step = createTrainStepResult(network.spec);
 * for (let s = 0; s < n; s++) session.trainStep(times.subarray(s * D, (s + 1) * D), labels[s], step);
 * const { summary } = await session.evaluate(testTimes, testLabels, { threads: 2 });
 * await saveSomewhere(session.getWeights());
 * await session.dispose();
 * ```
 */
export interface EngineSession {
  /** The engine's registered name. */
  readonly engine: string;
  /** What the session runs on (backend, device), e.g. for a run's start event. */
  readonly info: EngineInfo;
  /** The bound network; its `weights` are current only after `getWeights()`. */
  readonly network: Network;
  /** Full forward pass of one sample: `input` holds D spike times in 0..tmax. Returns `out`. */
  forward(input: Uint16Array, out: ForwardResult): ForwardResult;
  /** Forward pass stopped at the first output spike; same decision as `forward`. Returns `out`. */
  forwardEarlyExit(input: Uint16Array, out: EarlyExitResult): EarlyExitResult;
  /** One training step of spec 4 on (`input`, `label`), updating the weights; `out` gets the pre-update forward pass, targets and errors. */
  trainStep(input: Uint16Array, label: number, out: TrainStepResult): TrainStepResult;
  /** Forward passes of n samples stored row-major in `inputs` (n x D). */
  forwardBatch(inputs: Uint16Array, options?: BatchOptions): Promise<BatchResult>;
  /** `forwardBatch` plus the accuracy figures of spec 6 against `labels` (n entries in 0..K-1). */
  evaluate(
    inputs: Uint16Array,
    labels: ArrayLike<number>,
    options?: BatchOptions,
  ): Promise<Evaluation>;
  /** Brings `network.weights` up to date with the engine's copy and returns it. */
  getWeights(): Weights;
  /** Replaces the weights (copied into the engine; shapes validated). */
  setWeights(weights: Weights): void;
  /** Releases threads, GPU memory; the session is unusable afterwards. */
  dispose(): Promise<void>;
}

/** An engine as registered: see `registerEngine`. */
export interface EngineDefinition {
  /** Unique name, e.g. `event`, `tfjs`. */
  name: string;
  /** Higher wins in `defaultEngine()` among the available engines. */
  priority: number;
  /** Whether the engine can run here (e.g. a GPU backend loads). */
  isAvailable(): boolean | Promise<boolean>;
  /** One line on what the engine would run on here, for `describeEngines` (may load a backend). */
  describe?(): string | Promise<string>;
  /** Binds `network` (spec and weights are validated by the caller, `createSession`). */
  create(network: Network, options?: EngineOptions): Promise<EngineSession>;
}
