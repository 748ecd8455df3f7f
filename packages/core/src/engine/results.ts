import type { NetworkSpec } from '../spec/network-spec.js';
import { outputSize } from '../spec/network-shape.js';

/**
 * The decision of one sample (spec 3). Written in place by engines and by `decide`.
 */
export interface Decision {
  /** The answer by spec 3: earliest output spike, ties by the larger potential at the crossing step, then the lowest index; no spike -> argmax V(tmax-3). */
  prediction: number;
  /** The strict lowest-index rule of the fixtures (`decision`): lowest index among the earliest; same fallback. */
  lowestIndexPrediction: number;
  /** The winner's firing time m = min_k t_k, or tmax when no output neuron fired. */
  decisionTime: number;
  /** True when no output neuron fired and the fallback argmax V(tmax-3) decided. */
  fallback: boolean;
  /** How many output neurons fired at m (0 when no output neuron fired). */
  tiedAtMinimum: number;
}

/** Everything a full forward pass of one sample reports; allocate with {@link createForwardResult}. */
export interface ForwardResult extends Decision {
  /** Firing times per weighted layer (1..tmax; tmax = no spike), views into one buffer. */
  firingTimes: Uint16Array[];
  /** Per output neuron k that fired (t_k < tmax): V_k(t_k - 1), its potential at its crossing step; NaN for the others. */
  crossingPotentials: Float64Array;
  /** Per output neuron: V_k(tmax - 3), the fallback's potentials (spec 3). */
  fallbackPotentials: Float64Array;
  /** Per weighted layer: how many neurons fired (t < tmax). */
  spikes: Uint32Array;
  /** Sum of `spikes` (hidden and output: spec 6's spikes per sample). */
  totalSpikes: number;
}

/** What an early-exit forward pass reports; allocate with {@link createEarlyExitResult}. */
export interface EarlyExitResult extends Decision {
  /** Output firing times as far as simulated: m for the neurons that fired at m, tmax for the rest (later times are not simulated). With no output spike, the full pass's output times. */
  outputTimes: Uint16Array;
  /** Per weighted layer: neurons that fired at or before the decision time (all spikes when no output fired). */
  spikes: Uint32Array;
  /** Sum of `spikes`: the spikes needed to reach the decision. */
  totalSpikes: number;
}

/** A training step's report: the forward pass *before* the update, plus targets and errors. */
export interface TrainStepResult extends ForwardResult {
  /** The label trained on. */
  label: number;
  /** Relative targets of the output layer (spec 4.2). */
  targets: Uint16Array;
  /** Per weighted layer, the normalised error (delta) that multiplied lr in its update. */
  errors: Float64Array[];
  /** Whether `prediction === label` (the online training accuracy of spec 6). */
  correct: boolean;
}

/**
 * Results of a batch of n samples (K outputs, L layers), one entry (or row) per sample. Arrays may
 * live on SharedArrayBuffers (worker threads write them in place).
 */
export interface BatchResult {
  count: number;
  predictions: Uint16Array;
  lowestIndexPredictions: Uint16Array;
  decisionTimes: Uint16Array;
  /** 1 when the fallback decided the sample. */
  fallback: Uint8Array;
  tiedAtMinimum: Uint16Array;
  /** n x K row-major: output firing times (early exit: as in {@link EarlyExitResult.outputTimes}). */
  outputTimes: Uint16Array;
  /** n x L row-major: spikes per layer (early exit: those needed). */
  spikes: Uint32Array;
}

/** Allocates a {@link ForwardResult} for `spec` (once; engines fill it per sample). */
export function createForwardResult(spec: NetworkSpec): ForwardResult {
  const sizes = spec.layers.map((layer) => layer.size);
  const buffer = new Uint16Array(sizes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  const firingTimes = sizes.map((size) => {
    const view = buffer.subarray(offset, offset + size);
    offset += size;
    return view;
  });
  const k = outputSize(spec);
  return {
    ...createDecision(),
    firingTimes,
    crossingPotentials: new Float64Array(k),
    fallbackPotentials: new Float64Array(k),
    spikes: new Uint32Array(spec.layers.length),
    totalSpikes: 0,
  };
}

/** Allocates an {@link EarlyExitResult} for `spec`. */
export function createEarlyExitResult(spec: NetworkSpec): EarlyExitResult {
  return {
    ...createDecision(),
    outputTimes: new Uint16Array(outputSize(spec)),
    spikes: new Uint32Array(spec.layers.length),
    totalSpikes: 0,
  };
}

/** Allocates a {@link TrainStepResult} for `spec`. */
export function createTrainStepResult(spec: NetworkSpec): TrainStepResult {
  return {
    ...createForwardResult(spec),
    label: 0,
    targets: new Uint16Array(outputSize(spec)),
    errors: spec.layers.map((layer) => new Float64Array(layer.size)),
    correct: false,
  };
}

/**
 * Allocates a {@link BatchResult} for `count` samples; `shared` puts every array on a
 * SharedArrayBuffer so worker threads can fill it.
 */
export function createBatchResult(spec: NetworkSpec, count: number, shared = false): BatchResult {
  const k = outputSize(spec);
  const layers = spec.layers.length;
  const make = <T>(Type: new (buffer: ArrayBufferLike) => T, bytes: number, length: number): T =>
    new Type(shared ? new SharedArrayBuffer(bytes * length) : new ArrayBuffer(bytes * length));
  return {
    count,
    predictions: make(Uint16Array, 2, count),
    lowestIndexPredictions: make(Uint16Array, 2, count),
    decisionTimes: make(Uint16Array, 2, count),
    fallback: make(Uint8Array, 1, count),
    tiedAtMinimum: make(Uint16Array, 2, count),
    outputTimes: make(Uint16Array, 2, count * k),
    spikes: make(Uint32Array, 4, count * layers),
  };
}

/**
 * A zeroed decision, for scratch that `decide` fills.
 *
 * ## Example
 * ```ts
 * const decision = createDecision();
 * decide(outputTimes, crossing, fallback, tmax, decision);
 * ```
 */
export function createDecision(): Decision {
  return {
    prediction: 0,
    lowestIndexPrediction: 0,
    decisionTime: 0,
    fallback: false,
    tiedAtMinimum: 0,
  };
}
