import * as tf from '@tensorflow/tfjs-core';
import type { FireCounts } from '../../network/fire-counts.js';
import { setNetworkWeights, type Network } from '../../network/network.js';
import type { Rng } from '../../random/rng.js';
import type { NetworkSpec, Weights } from '../../spec/network-spec.js';
import { inputWidth, layerInputWidth, outputSize } from '../../spec/network-shape.js';
import { SpecError } from '../../spec/spec-error.js';
import { BatchedSession } from '../batched-session.js';
import {
  checkBatch,
  checkBatchOut,
  checkDropoutRng,
  checkLabel,
  checkSpikeTimes,
  spikeTimeOutOfRange,
} from '../check-arguments.js';
import { decide } from '../decide.js';
import type { BatchOptions, EngineSession } from '../engine.js';
import {
  Forward,
  ForwardBatch,
  ForwardEarlyExit,
  TrainStep,
  type KernelName,
} from '../kernel-names.js';
import { outputError, relativeTargets } from '../relative-targets.js';
import {
  createBatchResult,
  createDecision,
  type BatchResult,
  type EarlyExitResult,
  type ForwardResult,
  type TrainStepResult,
} from '../results.js';
import { defaultMemoryBudget, maxBatchSize } from './batch-size.js';
import { denseForward, type DenseForwardTensors } from './dense-forward.js';
import { applyMeanUpdate, denseBackward } from './dense-train.js';
import { switchToBackend, useTfjsBackend } from './tfjs-backend.js';
import {
  TFJS_ENGINE,
  type PotentialFormulation,
  type TfjsBackendInfo,
  type TfjsEngineOptions,
  type TfjsSessionInfo,
} from './tfjs-options.js';

/** Options of {@link TfjsSession.trainBatch}. */
export interface TrainBatchOptions {
  /**
   * Samples per update (default 1). 1 is the published online SGD of spec 4 exactly; B > 1 is
   * mini-batch training, a different algorithm: every sample of a mini-batch sees the same
   * weights, and the update is the mean of the B per-sample updates (decay included).
   */
  batchSize?: number;
  /** Receives the pre-update forward results (its `count` must equal the sample count). */
  out?: BatchResult;
  /** Adds every sample's training-pass firings (spec 5, dead neurons). */
  fireCounts?: FireCounts;
}

/** A downloaded forward pass of `count` samples (row-major per layer). */
interface ForwardValues {
  count: number;
  firingTimes: Float32Array[];
  crossingPotentials: Float32Array;
  fallbackPotentials: Float32Array;
}

/**
 * A network bound to the tfjs engine: S4NN as batched tensor programs (spec 2-4) on one tfjs
 * backend, float32. Decisions and targets are computed on the CPU from the downloaded times with
 * the shared `decide` and `relativeTargets`, so the rules exist once.
 *
 * Float32 is exact where every potential is an integer below 2^24 (integer weights); with
 * real-valued weights a firing time can differ from the float64 engines where a potential lies
 * within float32 rounding of the threshold (see `explainDisagreement`).
 */
export class TfjsSession extends BatchedSession implements EngineSession {
  readonly engine = TFJS_ENGINE;
  /** The backend this session runs on (`info.backend`, `info.package`, `info.gpu`). */
  readonly info: TfjsSessionInfo;
  /** The largest batch one forward program takes (from the memory budget). */
  readonly forwardBatchLimit: number;
  /** The largest chunk one training program takes (a mini-batch is split into such chunks). */
  readonly trainBatchLimit: number;
  /** How this session computes the potentials. */
  readonly potentials: PotentialFormulation;
  private readonly spec: NetworkSpec;
  private readonly width: number;
  private readonly outputs: number;
  private readonly thresholds: number[];
  private readonly rng: Rng | undefined;
  private weights: tf.Tensor2D[];
  private disposed = false;
  // Per-sample scratch (no allocation per sample on the CPU side).
  private readonly outputTimes: Uint16Array;
  private readonly crossing: Float64Array;
  private readonly fallback: Float64Array;
  private readonly outputErrors: Float64Array;
  private readonly targets: Uint16Array;
  private readonly decision = createDecision();

  private constructor(
    readonly network: Network,
    backend: TfjsBackendInfo,
    options: TfjsEngineOptions,
  ) {
    const { spec } = network;
    super();
    checkDropoutRng(spec, options.rng, TFJS_ENGINE);
    const budget = options.memoryBudgetBytes ?? defaultMemoryBudget();
    if (!(budget > 0)) {
      throw new SpecError(
        `tfjs engine: options.memoryBudgetBytes must be positive (got ${budget})`,
        'memoryBudgetBytes',
      );
    }
    this.spec = spec;
    this.rng = options.rng;
    this.width = inputWidth(spec);
    this.outputs = outputSize(spec);
    this.thresholds = spec.layers.map((layer) => layer.threshold);
    this.potentials =
      options.potentials ?? (backend.backend === 'tensorflow' ? 'indicator' : 'increments');
    if (this.potentials !== 'indicator' && this.potentials !== 'increments') {
      throw new SpecError(
        `tfjs engine: options.potentials must be 'indicator' or 'increments' (got ${String(this.potentials)})`,
        'potentials',
      );
    }
    this.info = {
      ...backend,
      engine: TFJS_ENGINE,
      device: backend.gpu ? 'gpu' : 'cpu',
      detail: `${backend.package}, float32, ${this.potentials} potentials`,
    };
    this.forwardBatchLimit = maxBatchSize(spec, budget, false, this.potentials);
    this.trainBatchLimit = maxBatchSize(spec, budget, true, this.potentials);
    this.outputTimes = new Uint16Array(this.outputs);
    this.crossing = new Float64Array(this.outputs);
    this.fallback = new Float64Array(this.outputs);
    this.outputErrors = new Float64Array(this.outputs);
    this.targets = new Uint16Array(this.outputs);
    this.weights = this.uploadWeights(network.weights);
  }

  /**
   * Initialises the backend (`options.backend`, default `auto`) and binds `network` to it.
   *
   * ## Example
   * ```ts
   * const session = await TfjsSession.create(network, { backend: 'wasm' });
   * const evaluation = await session.evaluate(inputs, labels);
   * ```
   */
  static async create(network: Network, options: TfjsEngineOptions = {}): Promise<TfjsSession> {
    const backend = await useTfjsBackend(options.backend ?? 'auto');
    return new TfjsSession(network, backend, options);
  }

  forward(input: Uint16Array, out: ForwardResult): ForwardResult {
    this.begin(Forward);
    checkSpikeTimes(input, this.width, 'input', Forward);
    const values = this.runForward(input, 0, 1, Forward);
    this.writeForward(values, 0, out);
    return out;
  }

  forwardEarlyExit(input: Uint16Array, out: EarlyExitResult): EarlyExitResult {
    this.begin(ForwardEarlyExit);
    checkSpikeTimes(input, this.width, 'input', ForwardEarlyExit);
    const values = this.runForward(input, 0, 1, ForwardEarlyExit);
    this.decideSample(values, 0);
    Object.assign(out, this.decision);
    out.totalSpikes = this.writeEarlyExit(values, 0, out.outputTimes, out.spikes, 0);
    return out;
  }

  trainStep(input: Uint16Array, label: number, out: TrainStepResult): TrainStepResult {
    this.begin(TrainStep);
    checkSpikeTimes(input, this.width, 'input', TrainStep);
    checkLabel(label, this.outputs, TrainStep);
    this.trainMiniBatch(input, [label], 0, 1, undefined, undefined, out);
    return out;
  }

  /**
   * Trains on n samples (rows of `inputs`) in order, `options.batchSize` samples per update, and
   * returns each sample's pre-update forward results (for the online accuracy of spec 6).
   *
   * ## Example
   * ```ts
   * const batch = await session.trainBatch(inputs, labels, { batchSize: 64 });
   * const online = summariseBatch(batch, labels).accuracy;
   * ```
   */
  async trainBatch(
    inputs: Uint16Array,
    labels: ArrayLike<number>,
    options: TrainBatchOptions = {},
  ): Promise<BatchResult> {
    this.begin(TrainStep);
    const count = checkBatch(inputs, this.width, TrainStep);
    if (labels.length !== count) {
      throw new SpecError(
        `${TrainStep}: argument 'labels' has ${labels.length} entries for ${count} samples`,
        'labels',
      );
    }
    for (let s = 0; s < count; s++) checkLabel(labels[s], this.outputs, TrainStep);
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new SpecError(
        `${TrainStep}: options.batchSize must be a positive integer (got ${batchSize})`,
        'batchSize',
      );
    }
    const out = this.batchResultFor(options.out, count, TrainStep);
    for (let start = 0; start < count; start += batchSize) {
      const size = Math.min(batchSize, count - start);
      this.trainMiniBatch(inputs, labels, start, size, out, options.fireCounts, undefined);
    }
    return out;
  }

  getWeights(): Weights {
    this.begin(ForwardBatch);
    this.weights.forEach((layer, l) => this.network.weights[l].set(layer.dataSync()));
    return this.network.weights;
  }

  setWeights(weights: Weights): void {
    this.begin(TrainStep);
    setNetworkWeights(this.network, weights);
    const previous = this.weights;
    this.weights = this.uploadWeights(this.network.weights);
    tf.dispose(previous);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.weights);
  }

  private uploadWeights(weights: Weights): tf.Tensor2D[] {
    return this.spec.layers.map((layer, l) =>
      tf.tensor2d(Float32Array.from(weights[l]), [layer.size, layerInputWidth(this.spec, l)]),
    );
  }

  private begin(kernel: KernelName): void {
    if (this.disposed) throw new Error(`${kernel}: the tfjs session has been disposed`);
    switchToBackend(this.info.backend);
  }

  private batchResultFor(
    out: BatchResult | undefined,
    count: number,
    kernel: KernelName,
  ): BatchResult {
    return out === undefined
      ? createBatchResult(this.spec, count)
      : checkBatchOut(out, count, kernel);
  }

  protected async runBatch(
    inputs: Uint16Array,
    options: BatchOptions,
    kernel: KernelName,
  ): Promise<BatchResult> {
    this.begin(kernel);
    const count = checkBatch(inputs, this.width, kernel);
    const out = this.batchResultFor(options.out, count, kernel);
    const layers = this.spec.layers.length;
    const k = this.outputs;
    for (let start = 0; start < count; start += this.forwardBatchLimit) {
      const size = Math.min(this.forwardBatchLimit, count - start);
      const values = this.runForward(inputs, start, size, kernel);
      for (let s = 0; s < size; s++) {
        const row = start + s;
        this.decideSample(values, s);
        this.writeBatchDecision(out, row);
        if (options.earlyExit === true) {
          const times = out.outputTimes.subarray(row * k, (row + 1) * k);
          this.writeEarlyExit(values, s, times, out.spikes, row * layers);
        } else {
          this.writeBatchRow(values, s, out, row);
        }
      }
    }
    return out;
  }

  /** Uploads samples start..start+count-1 as float32 times (checked against tmax). */
  private uploadInputs(
    source: Uint16Array,
    start: number,
    count: number,
    kernel: KernelName,
  ): tf.Tensor2D {
    const width = this.width;
    const tmax = this.spec.tmax;
    const times = new Float32Array(count * width);
    const offset = start * width;
    for (let k = 0; k < times.length; k++) {
      const t = source[offset + k];
      if (t > tmax) spikeTimeOutOfRange(kernel, k % width, t, tmax);
      times[k] = t;
    }
    return tf.tensor2d(times, [count, width]);
  }

  /**
   * Dropout masks of spec 4 for `count` samples, drawn in the event engine's order (per sample:
   * one draw per input of layer 0, then per neuron below each later layer), so a seed gives both
   * engines the same masks. Undefined where a layer has no dropout.
   */
  private dropMasks(count: number): (tf.Tensor2D | undefined)[] {
    const rng = this.rng;
    const layers = this.spec.layers;
    if (rng === undefined || layers.every((layer) => layer.dropout === 0)) return [];
    const masks = layers.map((layer, l) =>
      layer.dropout > 0 ? new Float32Array(count * layerInputWidth(this.spec, l)) : undefined,
    );
    for (let s = 0; s < count; s++) {
      layers.forEach((layer, l) => {
        const mask = masks[l];
        if (mask === undefined) return;
        const width = layerInputWidth(this.spec, l);
        for (let i = 0; i < width; i++) mask[s * width + i] = rng.next() < layer.dropout ? 1 : 0;
      });
    }
    return masks.map((mask, l) =>
      mask === undefined ? undefined : tf.tensor2d(mask, [count, layerInputWidth(this.spec, l)]),
    );
  }

  private forwardTensors(
    source: Uint16Array,
    start: number,
    count: number,
    kernel: KernelName,
    training: boolean,
  ): DenseForwardTensors {
    return tf.tidy(() => {
      const input = this.uploadInputs(source, start, count, kernel);
      const masks = training ? this.dropMasks(count) : [];
      return denseForward(
        this.weights,
        this.thresholds,
        input,
        this.spec.tmax,
        this.potentials,
        masks,
      );
    });
  }

  private runForward(
    source: Uint16Array,
    start: number,
    count: number,
    kernel: KernelName,
  ): ForwardValues {
    const tensors = this.forwardTensors(source, start, count, kernel, false);
    try {
      return download(tensors, count);
    } finally {
      disposeForward(tensors);
    }
  }

  /**
   * One update on samples start..start+size-1: forward in chunks that fit the memory budget,
   * targets and output errors on the CPU (spec 4.2-4.3), the backward program, and the mean of
   * the per-sample updates applied once. `batchOut` receives the decisions, `stepOut` (size 1)
   * the full training-step report.
   */
  private trainMiniBatch(
    source: Uint16Array,
    labels: ArrayLike<number>,
    start: number,
    size: number,
    batchOut: BatchResult | undefined,
    fireCounts: FireCounts | undefined,
    stepOut: TrainStepResult | undefined,
  ): void {
    const layers = this.spec.layers;
    const outputLayer = layers.length - 1;
    const tmax = this.spec.tmax;
    const k = this.outputs;
    let sums: tf.Tensor2D[] | undefined;
    for (let chunkStart = start; chunkStart < start + size; chunkStart += this.trainBatchLimit) {
      const count = Math.min(this.trainBatchLimit, start + size - chunkStart);
      let tensors: DenseForwardTensors;
      try {
        tensors = this.forwardTensors(source, chunkStart, count, TrainStep, true);
      } catch (error) {
        // A bad spike time in a later chunk: the mini-batch is dropped, its sums released.
        if (sums !== undefined) tf.dispose(sums);
        throw error;
      }
      const values = download(tensors, count);
      const errors = new Float32Array(count * k);
      for (let s = 0; s < count; s++) {
        const label = labels[chunkStart + s];
        if (stepOut !== undefined) {
          this.writeForward(values, s, stepOut);
          stepOut.label = label;
          stepOut.correct = stepOut.prediction === label;
        } else if (batchOut !== undefined) {
          this.decideSample(values, s);
          this.writeBatchDecision(batchOut, chunkStart + s);
          this.writeBatchRow(values, s, batchOut, chunkStart + s);
        }
        if (fireCounts !== undefined) countSampleFirings(fireCounts, values, s, tmax);
        this.readOutputTimes(values, s);
        // Spec 4.2-4.3 on the CPU with the shared helpers, in float64 (uploaded as float32).
        const targets = stepOut?.targets ?? this.targets;
        const outputErrors = stepOut?.errors[outputLayer] ?? this.outputErrors;
        relativeTargets(this.outputTimes, label, this.spec.gamma, tmax, targets);
        outputError(this.outputTimes, targets, tmax, outputErrors);
        errors.set(outputErrors, s * k);
      }
      const backward = tf.tidy(() =>
        denseBackward(
          this.weights,
          layers,
          tensors.inputTimes,
          tensors.firingTimes,
          tf.tensor2d(errors, [count, k]),
        ),
      );
      if (stepOut !== undefined) {
        for (let l = 0; l < outputLayer; l++) stepOut.errors[l].set(backward.errors[l].dataSync());
      }
      const previous = sums;
      sums =
        previous === undefined
          ? backward.maskedErrorSums
          : backward.maskedErrorSums.map((sum, l) => tf.add(previous[l], sum));
      if (previous !== undefined) {
        tf.dispose(previous);
        tf.dispose(backward.maskedErrorSums);
      }
      tf.dispose(backward.errors);
      disposeForward(tensors);
    }
    const totals = sums as tf.Tensor2D[];
    const previousWeights = this.weights;
    this.weights = tf.tidy(() =>
      previousWeights.map((w, l) => applyMeanUpdate(w, layers[l], totals[l], size)),
    );
    tf.dispose(previousWeights);
    tf.dispose(totals);
  }

  /** Copies sample s's output times into the scratch `outputTimes`. */
  private readOutputTimes(values: ForwardValues, s: number): void {
    const times = values.firingTimes[values.firingTimes.length - 1];
    const k = this.outputs;
    for (let j = 0; j < k; j++) this.outputTimes[j] = times[s * k + j];
  }

  /** Spec 3's decision of sample s into `this.decision`, with the shared `decide`. */
  private decideSample(values: ForwardValues, s: number): void {
    const tmax = this.spec.tmax;
    const k = this.outputs;
    this.readOutputTimes(values, s);
    for (let j = 0; j < k; j++) {
      this.crossing[j] = this.outputTimes[j] < tmax ? values.crossingPotentials[s * k + j] : NaN;
      this.fallback[j] = values.fallbackPotentials[s * k + j];
    }
    decide(this.outputTimes, this.crossing, this.fallback, tmax, this.decision);
  }

  private writeForward(values: ForwardValues, s: number, out: ForwardResult): void {
    const tmax = this.spec.tmax;
    let total = 0;
    values.firingTimes.forEach((times, l) => {
      const size = out.firingTimes[l].length;
      let spikes = 0;
      for (let j = 0; j < size; j++) {
        const t = times[s * size + j];
        out.firingTimes[l][j] = t;
        if (t < tmax) spikes++;
      }
      out.spikes[l] = spikes;
      total += spikes;
    });
    out.totalSpikes = total;
    this.decideSample(values, s);
    out.crossingPotentials.set(this.crossing);
    out.fallbackPotentials.set(this.fallback);
    Object.assign(out, this.decision);
  }

  private writeBatchDecision(out: BatchResult, row: number): void {
    out.predictions[row] = this.decision.prediction;
    out.lowestIndexPredictions[row] = this.decision.lowestIndexPrediction;
    out.decisionTimes[row] = this.decision.decisionTime;
    out.fallback[row] = this.decision.fallback ? 1 : 0;
    out.tiedAtMinimum[row] = this.decision.tiedAtMinimum;
  }

  /** Output times and spikes per layer of sample s into row `row` of `out` (full pass). */
  private writeBatchRow(values: ForwardValues, s: number, out: BatchResult, row: number): void {
    const tmax = this.spec.tmax;
    const layers = values.firingTimes.length;
    const k = this.outputs;
    out.outputTimes.set(this.outputTimes, row * k);
    values.firingTimes.forEach((times, l) => {
      const size = times.length / values.count;
      let spikes = 0;
      for (let j = s * size; j < (s + 1) * size; j++) if (times[j] < tmax) spikes++;
      out.spikes[row * layers + l] = spikes;
    });
  }

  /**
   * The early-exit report from a full pass (the dense program computes every step anyway): with
   * decision time m < tmax, the output times as far as an event simulation stopped at m sees them
   * (m where fired at m, tmax elsewhere) and the spikes at or before m; with no output spike, the
   * full pass. Returns the total spikes. Reads `this.decision` and `this.outputTimes`.
   */
  private writeEarlyExit(
    values: ForwardValues,
    s: number,
    outputTimes: Uint16Array,
    spikes: Uint32Array,
    spikesOffset: number,
  ): number {
    const tmax = this.spec.tmax;
    const m = this.decision.decisionTime;
    for (let j = 0; j < this.outputs; j++) outputTimes[j] = this.outputTimes[j] === m ? m : tmax;
    if (m === tmax) outputTimes.set(this.outputTimes);
    let total = 0;
    values.firingTimes.forEach((times, l) => {
      const size = times.length / values.count;
      let count = 0;
      for (let j = s * size; j < (s + 1) * size; j++) if (times[j] < tmax && times[j] <= m) count++;
      spikes[spikesOffset + l] = count;
      total += count;
    });
    return total;
  }
}

function download(tensors: DenseForwardTensors, count: number): ForwardValues {
  return {
    count,
    firingTimes: tensors.firingTimes.map((times) => times.dataSync() as Float32Array),
    crossingPotentials: tensors.crossingPotentials.dataSync() as Float32Array,
    fallbackPotentials: tensors.fallbackPotentials.dataSync() as Float32Array,
  };
}

function disposeForward(tensors: DenseForwardTensors): void {
  tf.dispose([
    ...tensors.inputTimes,
    ...tensors.firingTimes,
    tensors.crossingPotentials,
    tensors.fallbackPotentials,
  ]);
}

function countSampleFirings(
  counts: FireCounts,
  values: ForwardValues,
  s: number,
  tmax: number,
): void {
  counts.forEach((layerCounts, l) => {
    const times = values.firingTimes[l];
    const size = layerCounts.length;
    for (let j = 0; j < size; j++) if (times[s * size + j] < tmax) layerCounts[j]++;
  });
}
