/**
 * Checks that two engines agree (the tfjs engine against the event engine), and explains the
 * disagreements that float32 can cause: a potential within float32 rounding of the threshold
 * (spec 2), or of another neuron's potential in a tie-break or fallback (spec 3).
 */
import type { EngineSession } from '../engine.js';
import { createForwardResult, createTrainStepResult, type ForwardResult } from '../results.js';
import type { NetworkSpec, Weights } from '../../spec/network-spec.js';
import { inputWidth, layerInputWidth } from '../../spec/network-shape.js';

/** Unit roundoff of float32. */
const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;

/** Why two forward passes of one sample differ. */
export interface DisagreementExplanation {
  /** `threshold`: a firing time differs; `tie`: tied outputs ordered differently; `fallback`: V(tmax-3) argmax differs. */
  kind: 'threshold' | 'tie' | 'fallback';
  layer: number;
  neuron: number;
  /** The float64 distance that float32 had to get wrong (|V - threshold|, or the potential gap). */
  margin: number;
  /** The worst-case float32 error of the quantities compared: (n + 1) u (sum |terms|). */
  float32Bound: number;
  /** margin <= float32Bound: float32 rounding can account for the difference. */
  explained: boolean;
}

/**
 * Float64 V_j(t) of layer l (spec 2) with the worst-case float32 error of computing it: the sum
 * of n arrived weights, each rounded to float32, summed in float32: (n + 1) u sum |W|.
 */
function potentialAt(
  spec: NetworkSpec,
  weights: Weights,
  pre: ArrayLike<number>,
  l: number,
  j: number,
  t: number,
): { value: number; bound: number } {
  const width = layerInputWidth(spec, l);
  const row = weights[l];
  let value = 0;
  let magnitude = 0;
  let arrived = 0;
  for (let i = 0; i < width; i++) {
    if (pre[i] > t) continue;
    value += row[j * width + i];
    magnitude += Math.abs(row[j * width + i]);
    arrived++;
  }
  return { value, bound: (arrived + 1) * FLOAT32_UNIT_ROUNDOFF * magnitude };
}

/**
 * Explains why `candidate` (e.g. tfjs, float32) and `reference` (e.g. event, float64), forward
 * passes of the same `input` on the same `weights`, differ; null when their firing times and
 * decisions are identical. The first layer whose times differ has identical inputs in both, so
 * each of its differing neurons must have a float64 potential within float32 error of the
 * threshold at the earlier of the two crossing steps; with identical times, the tied crossing
 * potentials (or the fallback potentials) of the two winners must be within float32 error.
 * Returns the least explained of the differing neurons.
 */
export function explainDisagreement(
  spec: NetworkSpec,
  weights: Weights,
  input: ArrayLike<number>,
  reference: ForwardResult,
  candidate: ForwardResult,
): DisagreementExplanation | null {
  const tmax = spec.tmax;
  for (let l = 0; l < spec.layers.length; l++) {
    const pre = l === 0 ? input : reference.firingTimes[l - 1];
    const threshold = spec.layers[l].threshold;
    let worst: DisagreementExplanation | null = null;
    reference.firingTimes[l].forEach((time, j) => {
      const other = candidate.firingTimes[l][j];
      if (other === time) return;
      const step = Math.min(time, other) - 1;
      const potential = potentialAt(spec, weights, pre, l, j, step);
      // The threshold itself is rounded to float32 too.
      const bound = potential.bound + FLOAT32_UNIT_ROUNDOFF * Math.abs(threshold);
      const margin = Math.abs(potential.value - threshold);
      const explanation: DisagreementExplanation = {
        kind: 'threshold',
        layer: l,
        neuron: j,
        margin,
        float32Bound: bound,
        explained: margin <= bound,
      };
      if (worst === null || marginRatio(explanation) > marginRatio(worst)) worst = explanation;
    });
    if (worst !== null) return worst;
  }
  if (
    reference.prediction === candidate.prediction &&
    reference.lowestIndexPrediction === candidate.lowestIndexPrediction
  ) {
    return null;
  }
  const output = spec.layers.length - 1;
  const pre = output === 0 ? input : reference.firingTimes[output - 1];
  const fallback = reference.fallback;
  const step = fallback ? tmax - 3 : reference.decisionTime - 1;
  const a = potentialAt(spec, weights, pre, output, reference.prediction, step);
  const b = potentialAt(spec, weights, pre, output, candidate.prediction, step);
  const margin = Math.abs(a.value - b.value);
  const bound = a.bound + b.bound;
  return {
    kind: fallback ? 'fallback' : 'tie',
    layer: output,
    neuron: candidate.prediction,
    margin,
    float32Bound: bound,
    explained: margin <= bound,
  };
}

/** margin / bound: at most 1 when explained; 0/0 (no input, zero threshold) counts as 0. */
function marginRatio(explanation: DisagreementExplanation): number {
  if (explanation.margin === 0) return 0;
  return explanation.float32Bound === 0 ? Infinity : explanation.margin / explanation.float32Bound;
}

/** What {@link checkForwardAgreement} found over a set of samples. */
export interface ForwardAgreement {
  samples: number;
  /** Samples whose firing times (all layers) are identical. */
  identicalTimes: number;
  /** Samples with the same decision (spec 3) and lowest-index decision. */
  identicalDecisions: number;
  /** Indices of the samples that differ in any way, with their explanation. */
  differences: { sample: number; explanation: DisagreementExplanation }[];
  /** Differences that float32 rounding does not account for: should be 0. */
  unexplained: number;
}

/**
 * Runs `forward` of every sample (rows of `inputs`) on both sessions, which must hold the same
 * weights, and compares firing times and decisions, explaining each difference.
 *
 * ## Example
 * ```ts
 * const report = checkForwardAgreement(eventSession, tfjsSession, inputs);
 * // report.identicalDecisions / report.samples >= 0.999, report.unexplained === 0
 * ```
 */
export function checkForwardAgreement(
  reference: EngineSession,
  candidate: EngineSession,
  inputs: Uint16Array,
): ForwardAgreement {
  const spec = reference.network.spec;
  const weights = reference.getWeights();
  const width = inputWidth(spec);
  const expected = createForwardResult(spec);
  const actual = createForwardResult(spec);
  const report: ForwardAgreement = {
    samples: 0,
    identicalTimes: 0,
    identicalDecisions: 0,
    differences: [],
    unexplained: 0,
  };
  for (let s = 0; s * width < inputs.length; s++) {
    const input = inputs.subarray(s * width, (s + 1) * width);
    reference.forward(input, expected);
    candidate.forward(input, actual);
    report.samples++;
    const sameTimes = sameFiringTimes(expected.firingTimes, actual.firingTimes);
    const sameDecision =
      expected.prediction === actual.prediction &&
      expected.lowestIndexPrediction === actual.lowestIndexPrediction;
    if (sameTimes) report.identicalTimes++;
    if (sameDecision) report.identicalDecisions++;
    const explanation = explainDisagreement(spec, weights, input, expected, actual);
    if (explanation !== null) {
      report.differences.push({ sample: s, explanation });
      if (!explanation.explained) report.unexplained++;
    }
  }
  return report;
}

/** What {@link checkTrainingAgreement} found. */
export interface TrainingAgreement {
  steps: number;
  /** Steps whose pre-update firing times, targets or predictions differ. */
  integerMismatches: number;
  /** Largest |difference| of a normalised error (delta) over all layers and steps. */
  maxErrorDifference: number;
  /** Largest |difference| of an updated weight, relative to max(1, |weight|). */
  maxWeightDifference: number;
}

/**
 * One training step per sample on both sessions, each starting from `weights`, comparing the
 * forward pass, targets, errors and updated weights. Resetting before every step keeps the
 * comparison on the given weights (integer weights make the forward pass exact in float32).
 */
export function checkTrainingAgreement(
  reference: EngineSession,
  candidate: EngineSession,
  weights: Weights,
  inputs: Uint16Array,
  labels: ArrayLike<number>,
): TrainingAgreement {
  const spec = reference.network.spec;
  const width = inputWidth(spec);
  const expected = createTrainStepResult(spec);
  const actual = createTrainStepResult(spec);
  const report: TrainingAgreement = {
    steps: 0,
    integerMismatches: 0,
    maxErrorDifference: 0,
    maxWeightDifference: 0,
  };
  const start = weights.map((layer) => Float64Array.from(layer));
  for (let s = 0; s < labels.length; s++) {
    const input = inputs.subarray(s * width, (s + 1) * width);
    reference.setWeights(start);
    candidate.setWeights(start);
    reference.trainStep(input, labels[s], expected);
    candidate.trainStep(input, labels[s], actual);
    report.steps++;
    const same =
      expected.prediction === actual.prediction &&
      expected.targets.every((target, k) => target === actual.targets[k]) &&
      sameFiringTimes(expected.firingTimes, actual.firingTimes);
    if (!same) report.integerMismatches++;
    expected.errors.forEach((errors, l) =>
      errors.forEach((e, j) => {
        report.maxErrorDifference = Math.max(
          report.maxErrorDifference,
          Math.abs(e - actual.errors[l][j]),
        );
      }),
    );
    const after = candidate.getWeights().map((layer) => Float64Array.from(layer));
    reference.getWeights().forEach((layer, l) =>
      layer.forEach((w, k) => {
        const difference = Math.abs(w - after[l][k]) / Math.max(1, Math.abs(w));
        report.maxWeightDifference = Math.max(report.maxWeightDifference, difference);
      }),
    );
  }
  return report;
}

/** Whether two forward passes fired every neuron of every layer at the same step. */
function sameFiringTimes(a: Uint16Array[], b: Uint16Array[]): boolean {
  return a.every((times, l) => times.every((t, j) => t === b[l][j]));
}
