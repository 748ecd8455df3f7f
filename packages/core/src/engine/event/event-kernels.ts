import type { NetworkSpec } from '../../spec/network-spec.js';
import { inputWidth } from '../../spec/network-shape.js';
import type { Rng } from '../../random/rng.js';
import { spikeTimeOutOfRange } from '../check-arguments.js';
import { decide } from '../decide.js';
import type { KernelName } from '../kernel-names.js';
import { outputError, normaliseL2, relativeTargets } from '../relative-targets.js';
import {
  createDecision,
  type BatchResult,
  type EarlyExitResult,
  type ForwardResult,
  type TrainStepResult,
} from '../results.js';
import { foldScale, type WeightStore } from './weight-store.js';

/** Below this scale a layer's decay factor is folded into its stored weights (see WeightStore). */
const SMALLEST_SCALE = 0.5;
/**
 * While more than this share of a hidden layer is still silent, adding whole contiguous rows per
 * input spike (fired neurons' potentials are never read again) beats gathering through the list
 * of silent neurons. Measured on 784-400-10 MNIST: "dense only while nobody fired" and "always
 * dense" were each ~20% slower; shares from 0.1 to 0.5 were alike.
 */
const DENSE_WHILE_SILENT_SHARE_ABOVE = 0.25;

/**
 * The exact event-driven S4NN kernels (spec 2-4) of one thread: preallocated scratch, no
 * allocation per sample, no dense time axis. Each layer is simulated from a time-sorted list of
 * the input spikes it receives (spikes at tmax never enter a list, so they cost nothing):
 *
 *     for each time t that has input spikes, in increasing order:
 *       V_j += W[j, i] for every input i spiking at t and every neuron j that has not fired
 *       every such j with V_j > threshold fires at t + 1 (tmax at most)
 *
 * A layer's neurons fire in time order, so its spike list is the next layer's sorted input
 * list for free. Cost per layer: (input spikes) x (neurons still silent) additions.
 */
export class EventKernels {
  private readonly layerCount: number;
  private readonly tmax: number;
  private readonly width: number;
  private readonly sizes: Int32Array;
  private readonly outputLayer: number;

  // Per layer l (state of the current sample).
  private readonly potentials: Float64Array[];
  private readonly firingTimes: Uint16Array[];
  /** Neurons that have not crossed yet; compacted by swapping the fired ones out. */
  private readonly silent: Int32Array[];
  private readonly silentCount: Int32Array;
  /** Neurons that fired before tmax, in firing order (so sorted by time). */
  private readonly spikeOrder: Int32Array[];
  private readonly spikeCount: Int32Array;
  /** Layer l's input spikes: indices sorted by time, their count, the times, a read cursor. */
  private readonly inputOrder: Int32Array[];
  private readonly inputTimes: Uint16Array[];
  private readonly inputCount: Int32Array;
  private readonly cursor: Int32Array;
  /** Whether layer l reads a dropout-filtered copy instead of the spike list below. */
  private readonly dropped: Uint8Array;
  private readonly droppedOrder: Int32Array[];
  private readonly droppedTimes: Uint16Array[];
  private readonly scaledThreshold: Float64Array;

  // Layer 0's sorted inputs (counting sort over the times 0..tmax-1).
  private readonly sampleTimes: Uint16Array;
  private readonly sampleOrder: Int32Array;
  private readonly timeBuckets: Uint32Array;

  // Output layer.
  private readonly crossingPotentials: Float64Array;
  private readonly fallbackPotentials: Float64Array;
  private fallbackTaken = false;

  // Training scratch.
  private readonly maskedSteps: Float64Array;
  private readonly maskedDelta: Float64Array;
  private readonly decision = createDecision();

  constructor(
    private readonly spec: NetworkSpec,
    private readonly store: WeightStore,
  ) {
    const layers = spec.layers;
    this.layerCount = layers.length;
    this.outputLayer = layers.length - 1;
    this.tmax = spec.tmax;
    this.width = inputWidth(spec);
    this.sizes = Int32Array.from(layers.map((layer) => layer.size));
    const below = [this.width, ...layers.map((layer) => layer.size)];
    this.potentials = layers.map((layer) => new Float64Array(layer.size));
    this.firingTimes = layers.map((layer) => new Uint16Array(layer.size));
    this.silent = layers.map((layer) => new Int32Array(layer.size));
    this.silentCount = new Int32Array(layers.length);
    this.spikeOrder = layers.map((layer) => new Int32Array(layer.size));
    this.spikeCount = new Int32Array(layers.length);
    this.sampleTimes = new Uint16Array(this.width);
    this.sampleOrder = new Int32Array(this.width);
    this.timeBuckets = new Uint32Array(this.tmax + 1);
    this.droppedOrder = layers.map((_, l) => new Int32Array(below[l]));
    this.droppedTimes = layers.map((_, l) => new Uint16Array(below[l]));
    this.dropped = new Uint8Array(layers.length);
    this.inputOrder = layers.map((_, l) => (l === 0 ? this.sampleOrder : this.spikeOrder[l - 1]));
    this.inputTimes = layers.map((_, l) => (l === 0 ? this.sampleTimes : this.firingTimes[l - 1]));
    this.inputCount = new Int32Array(layers.length);
    this.cursor = new Int32Array(layers.length);
    this.scaledThreshold = new Float64Array(layers.length);
    const k = this.sizes[this.outputLayer];
    this.crossingPotentials = new Float64Array(k);
    this.fallbackPotentials = new Float64Array(k);
    this.maskedSteps = new Float64Array(Math.max(...this.sizes));
    this.maskedDelta = new Float64Array(Math.max(...this.sizes));
  }

  /** Full forward pass (spec 2) and decision (spec 3) of the sample at `source[offset...]`. */
  forward(source: Uint16Array, offset: number, out: ForwardResult): ForwardResult {
    this.begin(source, offset, 'forward', undefined);
    this.simulateAll();
    this.writeForward(out);
    return out;
  }

  /** Forward pass stopped at the first output spike (see `simulateUntilDecided`). */
  forwardEarlyExit(source: Uint16Array, offset: number, out: EarlyExitResult): EarlyExitResult {
    this.begin(source, offset, 'forwardEarlyExit', undefined);
    this.simulateUntilDecided();
    const outputTimes = this.firingTimes[this.outputLayer];
    decide(outputTimes, this.crossingPotentials, this.fallbackPotentials, this.tmax, out);
    out.outputTimes.set(outputTimes);
    out.totalSpikes = this.copySpikeCounts(out.spikes, 0);
    return out;
  }

  /**
   * One training step of spec 4 (fixtures README section 3): forward with dropout drawn from
   * `rng`, relative targets, normalised output error, then top-down per layer: masked update
   * `W[j, i] -= lr * delta_j` where `pre_i < t_j`, decay, and the error of the layer below through
   * the just-updated weights, normalised. `out` receives the forward pass before the update.
   */
  trainStep(
    source: Uint16Array,
    label: number,
    rng: Rng | undefined,
    out: TrainStepResult,
  ): TrainStepResult {
    this.begin(source, 0, 'trainStep', rng);
    const layers = this.spec.layers;
    for (let l = 0; l < this.layerCount; l++) {
      if (l > 0 && layers[l].dropout > 0) this.dropInputs(l, layers[l].dropout, rng as Rng);
      this.advanceLayer(l, this.tmax - 1);
    }
    this.finishFullPass();
    this.writeForward(out);
    out.label = label;
    out.correct = out.prediction === label;

    const outputTimes = this.firingTimes[this.outputLayer];
    relativeTargets(outputTimes, label, this.spec.gamma, this.tmax, out.targets);
    outputError(outputTimes, out.targets, this.tmax, out.errors[this.outputLayer]);
    for (let l = this.outputLayer; l >= 0; l--) this.backwardLayer(l, out.errors);
    return out;
  }

  /** Forward passes of samples `start..end-1` of `inputs` (rows of D) into `out`. */
  runBatch(
    inputs: Uint16Array,
    start: number,
    end: number,
    earlyExit: boolean,
    out: BatchResult,
  ): void {
    const k = this.sizes[this.outputLayer];
    const layers = this.layerCount;
    const decision = this.decision;
    for (let s = start; s < end; s++) {
      this.begin(
        inputs,
        s * this.width,
        earlyExit ? 'forwardEarlyExit' : 'forwardBatch',
        undefined,
      );
      if (earlyExit) this.simulateUntilDecided();
      else this.simulateAll();
      const outputTimes = this.firingTimes[this.outputLayer];
      decide(outputTimes, this.crossingPotentials, this.fallbackPotentials, this.tmax, decision);
      out.predictions[s] = decision.prediction;
      out.lowestIndexPredictions[s] = decision.lowestIndexPrediction;
      out.decisionTimes[s] = decision.decisionTime;
      out.fallback[s] = decision.fallback ? 1 : 0;
      out.tiedAtMinimum[s] = decision.tiedAtMinimum;
      out.outputTimes.set(outputTimes, s * k);
      this.copySpikeCounts(out.spikes, s * layers);
    }
  }

  /** The full pass: each layer through all its inputs, lowest layer first. */
  private simulateAll(): void {
    for (let l = 0; l < this.layerCount; l++) this.advanceLayer(l, this.tmax - 1);
    this.finishFullPass();
  }

  /**
   * All layers simulated together in time order, stopped after the first step at which an output
   * neuron fires: every firing time up to that step equals the full pass's, so the decision does
   * too. With no output spike the loop runs to tmax - 1, which is the full pass.
   */
  private simulateUntilDecided(): void {
    const output = this.outputLayer;
    for (let t = 0; t < this.tmax && this.spikeCount[output] === 0; t++) {
      for (let l = 0; l < this.layerCount; l++) this.advanceLayer(l, t);
    }
    if (this.spikeCount[output] === 0) this.finishFullPass();
  }

  /** Resets the per-sample state and sorts the sample's input spikes by time. */
  private begin(
    source: Uint16Array,
    offset: number,
    kernel: KernelName,
    rng: Rng | undefined,
  ): void {
    const tmax = this.tmax;
    for (let l = 0; l < this.layerCount; l++) {
      const size = this.sizes[l];
      this.potentials[l].fill(0);
      this.firingTimes[l].fill(tmax);
      const silent = this.silent[l];
      for (let j = 0; j < size; j++) silent[j] = j;
      this.silentCount[l] = size;
      this.spikeCount[l] = 0;
      this.inputCount[l] = 0;
      this.cursor[l] = 0;
      this.dropped[l] = 0;
      if (l > 0) {
        this.inputOrder[l] = this.spikeOrder[l - 1];
        this.inputTimes[l] = this.firingTimes[l - 1];
      }
      this.scaledThreshold[l] = this.spec.layers[l].threshold / this.store.scales[l];
    }
    this.crossingPotentials.fill(NaN);
    this.fallbackTaken = false;

    // Counting sort of the input times 0..tmax-1 (tmax is "no spike" and is left out), stable in
    // the input index. Dropout (training only) moves a silenced input to tmax first.
    const times = this.sampleTimes;
    const buckets = this.timeBuckets;
    const width = this.width;
    const dropout = rng === undefined ? 0 : this.spec.layers[0].dropout;
    buckets.fill(0);
    for (let i = 0; i < width; i++) {
      let t = source[offset + i];
      if (t > tmax) spikeTimeOutOfRange(kernel, i, t, tmax);
      if (dropout > 0 && (rng as Rng).next() < dropout) t = tmax;
      times[i] = t;
      buckets[t]++;
    }
    let position = 0;
    for (let t = 0; t < tmax; t++) {
      const count = buckets[t];
      buckets[t] = position;
      position += count;
    }
    this.inputCount[0] = position;
    const order = this.sampleOrder;
    for (let i = 0; i < width; i++) {
      const t = times[i];
      if (t < tmax) order[buckets[t]++] = i;
    }
  }

  /**
   * Silences each input neuron of layer l (a neuron of layer l-1) with probability `rate`
   * (spec 4, dropout): layer l then reads a filtered copy of the spike list below. One draw per
   * input neuron, in index order, so a seed fixes the masks.
   */
  private dropInputs(l: number, rate: number, rng: Rng): void {
    const sourceTimes = this.firingTimes[l - 1];
    const times = this.droppedTimes[l];
    const tmax = this.tmax;
    for (let i = 0; i < times.length; i++) times[i] = rng.next() < rate ? tmax : sourceTimes[i];
    const spikes = this.spikeOrder[l - 1];
    const order = this.droppedOrder[l];
    let count = 0;
    for (let c = 0; c < this.spikeCount[l - 1]; c++) {
      const i = spikes[c];
      if (times[i] < tmax) order[count++] = i;
    }
    this.inputOrder[l] = order;
    this.inputTimes[l] = times;
    this.inputCount[l] = count;
    this.dropped[l] = 1;
  }

  /**
   * Simulates layer l through every input spike at a time <= `until` not yet consumed (spec 2).
   * Hot loop: one pass over the neurons still silent per input spike.
   */
  private advanceLayer(l: number, until: number): void {
    const order = this.inputOrder[l];
    const times = this.inputTimes[l];
    const count = this.inputCount[l];
    let cursor = this.cursor[l];
    if (cursor >= count) return;
    const tmax = this.tmax;
    const size = this.sizes[l];
    const weights = this.store.transposed[l];
    const potentials = this.potentials[l];
    const silent = this.silent[l];
    const firingTimes = this.firingTimes[l];
    const spikeOrder = this.spikeOrder[l];
    const threshold = this.scaledThreshold[l];
    const isOutput = l === this.outputLayer;
    const denseAbove = size * DENSE_WHILE_SILENT_SHARE_ABOVE;
    let silentCount = this.silentCount[l];
    let spikeCount = this.spikeCount[l];

    while (cursor < count) {
      const t = times[order[cursor]];
      if (t > until) break;
      // Spec 3's fallback reads the output potentials at tmax - 3: keep them before later inputs.
      if (isOutput && !this.fallbackTaken && t > tmax - 3) this.takeFallbackPotentials();
      if (isOutput || silentCount > denseAbove) {
        // Every neuron's potential (the output layer keeps all for the fallback): a contiguous
        // row of the transposed weights per input spike, up to four rows of the same time step
        // summed per pass over V (a quarter of the loads and stores of V; ~40% faster). The
        // grouping changes float rounding only in the last bits, the same in every code path.
        let end = cursor + 1;
        while (end < count && times[order[end]] === t) end++;
        for (; cursor + 4 <= end; cursor += 4) {
          const a = order[cursor] * size;
          const b = order[cursor + 1] * size;
          const c = order[cursor + 2] * size;
          const d = order[cursor + 3] * size;
          for (let j = 0; j < size; j++) {
            potentials[j] += weights[a + j] + weights[b + j] + (weights[c + j] + weights[d + j]);
          }
        }
        for (; cursor + 2 <= end; cursor += 2) {
          const a = order[cursor] * size;
          const b = order[cursor + 1] * size;
          for (let j = 0; j < size; j++) potentials[j] += weights[a + j] + weights[b + j];
        }
        if (cursor < end) {
          const a = order[cursor] * size;
          for (let j = 0; j < size; j++) potentials[j] += weights[a + j];
          cursor++;
        }
      } else {
        do {
          const base = order[cursor] * size;
          for (let a = 0; a < silentCount; a++) {
            const j = silent[a];
            potentials[j] += weights[base + j];
          }
          cursor++;
        } while (cursor < count && times[order[cursor]] === t);
      }
      // Spec 2: after all inputs of step t, V_j > threshold (strictly) fires j at t + 1.
      const firingTime = t + 1 < tmax ? t + 1 : tmax;
      for (let a = 0; a < silentCount;) {
        const j = silent[a];
        if (potentials[j] > threshold) {
          firingTimes[j] = firingTime;
          if (firingTime < tmax) {
            spikeOrder[spikeCount++] = j;
            if (isOutput) this.crossingPotentials[j] = potentials[j] * this.store.scales[l];
          }
          silent[a] = silent[--silentCount];
        } else {
          a++;
        }
      }
      // A hidden layer whose neurons have all fired ignores its remaining inputs.
      if (silentCount === 0 && !isOutput) cursor = count;
    }
    this.cursor[l] = cursor;
    this.silentCount[l] = silentCount;
    this.spikeCount[l] = spikeCount;
    // The layer above reads this layer's spike list as it grows (unless dropout filtered it).
    if (!isOutput && this.dropped[l + 1] === 0) this.inputCount[l + 1] = spikeCount;
  }

  /** After the last input: V(tmax - 3) of the output layer, when no later input came first. */
  private finishFullPass(): void {
    if (!this.fallbackTaken) this.takeFallbackPotentials();
  }

  private takeFallbackPotentials(): void {
    const scale = this.store.scales[this.outputLayer];
    const potentials = this.potentials[this.outputLayer];
    const fallback = this.fallbackPotentials;
    for (let j = 0; j < fallback.length; j++) fallback[j] = potentials[j] * scale;
    this.fallbackTaken = true;
  }

  private writeForward(out: ForwardResult): void {
    for (let l = 0; l < this.layerCount; l++) out.firingTimes[l].set(this.firingTimes[l]);
    out.crossingPotentials.set(this.crossingPotentials);
    out.fallbackPotentials.set(this.fallbackPotentials);
    out.totalSpikes = this.copySpikeCounts(out.spikes, 0);
    decide(
      this.firingTimes[this.outputLayer],
      this.crossingPotentials,
      this.fallbackPotentials,
      this.tmax,
      out,
    );
  }

  private copySpikeCounts(target: Uint32Array, offset: number): number {
    let total = 0;
    for (let l = 0; l < this.layerCount; l++) {
      target[offset + l] = this.spikeCount[l];
      total += this.spikeCount[l];
    }
    return total;
  }

  /**
   * Spec 4.4-4.6 for layer l, with `errors[l]` its normalised error: the masked update, the
   * decay (as a scale, see WeightStore), then `errors[l-1]` through the updated weights,
   * normalised. Only inputs that spiked (pre_i < tmax) can satisfy the mask pre_i < t_j.
   *
   * The inputs come sorted by time and the layer's spike list is sorted by firing time, so the
   * mask needs no test in the inner loops: walking the inputs in time order, the neurons with
   * t_j <= pre_i drop out of `maskedSteps` / `maskedDelta` (set to 0) one by one, O(N_l) in all.
   * Subtracting or adding an exact 0 leaves every value bit-identical to skipping it.
   */
  private backwardLayer(l: number, errors: Float64Array[]): void {
    const layer = this.spec.layers[l];
    const size = this.sizes[l];
    const delta = errors[l];
    const weights = this.store.transposed[l];
    const firingTimes = this.firingTimes[l];
    const spikeOrder = this.spikeOrder[l];
    const spikeCount = this.spikeCount[l];
    const order = this.inputOrder[l];
    const pre = this.inputTimes[l];
    const count = this.inputCount[l];
    const scales = this.store.scales;
    const maskedSteps = this.maskedSteps;
    const maskedDelta = this.maskedDelta;

    let nonZero = false;
    for (let j = 0; j < size; j++) if (delta[j] !== 0) nonZero = true;
    if (nonZero) {
      const scale = scales[l];
      for (let j = 0; j < size; j++) maskedSteps[j] = (layer.learningRate * delta[j]) / scale;
      let masked = 0;
      for (let c = 0; c < count; c++) {
        const i = order[c];
        const time = pre[i];
        while (masked < spikeCount && firingTimes[spikeOrder[masked]] <= time)
          maskedSteps[spikeOrder[masked++]] = 0;
        const base = i * size;
        for (let j = 0; j < size; j++) weights[base + j] -= maskedSteps[j];
      }
    }
    // Spec 4.4.3: decay every step, lr * lambda computed first as one double.
    const decay = layer.learningRate * layer.weightDecay;
    scales[l] -= decay * scales[l];

    if (l > 0) {
      const below = errors[l - 1];
      below.fill(0);
      if (nonZero) {
        const scale = scales[l];
        maskedDelta.set(delta);
        let masked = 0;
        for (let c = 0; c < count; c++) {
          const i = order[c];
          const time = pre[i];
          while (masked < spikeCount && firingTimes[spikeOrder[masked]] <= time)
            maskedDelta[spikeOrder[masked++]] = 0;
          const base = i * size;
          let sum = 0;
          for (let j = 0; j < size; j++) sum += maskedDelta[j] * weights[base + j];
          below[i] = sum * scale;
        }
        normaliseL2(below);
      }
    }
    if (scales[l] < SMALLEST_SCALE) foldScale(this.store, l);
  }
}
