import { isCorrectTiesCounted } from './decide.js';
import type { BatchResult } from './results.js';

/** The accuracy figures of spec 3 and 6 over a batch. Accuracies are shares in [0, 1]. */
export interface EvaluationSummary {
  count: number;
  /** Correct by the spec-3 rule (strict). */
  correct: number;
  accuracy: number;
  /** Correct by the lowest-index rule. */
  correctLowestIndex: number;
  /** Correct by the published evaluation (ties counted correct). */
  correctTiesCounted: number;
  accuracyTiesCounted: number;
  /** Samples decided by the fallback (no output spike). */
  fallbackCount: number;
  /** Of those, how many the fallback got right. */
  fallbackCorrect: number;
  /** Strict accuracy with fallback-decided samples counted wrong. */
  accuracyFallbackWrong: number;
  /** Mean decision time (tmax for samples without output spike). */
  meanDecisionTime: number;
  /** Mean spikes per sample over all layers. */
  meanSpikes: number;
}

/**
 * Computes the {@link EvaluationSummary} of `batch` against `labels`, the one implementation all
 * engines use. `tiesCountedCorrect`, when given (n entries), receives each sample's verdict by
 * the published evaluation (1 = correct with ties counted).
 */
export function summariseBatch(
  batch: BatchResult,
  labels: ArrayLike<number>,
  tiesCountedCorrect?: Uint8Array,
): EvaluationSummary {
  const n = batch.count;
  if (labels.length !== n) {
    throw new Error(`evaluate: argument 'labels' has ${labels.length} entries for ${n} samples`);
  }
  const k = n === 0 ? 0 : batch.outputTimes.length / n;
  const layers = n === 0 ? 0 : batch.spikes.length / n;
  const decision = { prediction: 0, decisionTime: 0, fallback: false };
  let correct = 0;
  let correctLowestIndex = 0;
  let correctTiesCounted = 0;
  let fallbackCount = 0;
  let fallbackCorrect = 0;
  let decisionTimeSum = 0;
  let spikeSum = 0;
  for (let s = 0; s < n; s++) {
    const label = labels[s];
    const isCorrect = batch.predictions[s] === label;
    decision.prediction = batch.predictions[s];
    decision.decisionTime = batch.decisionTimes[s];
    decision.fallback = batch.fallback[s] === 1;
    if (isCorrect) correct++;
    if (batch.lowestIndexPredictions[s] === label) correctLowestIndex++;
    const tiesCounted = isCorrectTiesCounted(
      batch.outputTimes.subarray(s * k, (s + 1) * k),
      label,
      decision,
    );
    if (tiesCounted) correctTiesCounted++;
    if (tiesCountedCorrect !== undefined) tiesCountedCorrect[s] = tiesCounted ? 1 : 0;
    if (decision.fallback) {
      fallbackCount++;
      if (isCorrect) fallbackCorrect++;
    }
    decisionTimeSum += decision.decisionTime;
    for (let l = 0; l < layers; l++) spikeSum += batch.spikes[s * layers + l];
  }
  const share = (value: number) => (n === 0 ? 0 : value / n);
  return {
    count: n,
    correct,
    accuracy: share(correct),
    correctLowestIndex,
    correctTiesCounted,
    accuracyTiesCounted: share(correctTiesCounted),
    fallbackCount,
    fallbackCorrect,
    accuracyFallbackWrong: share(correct - fallbackCorrect),
    meanDecisionTime: share(decisionTimeSum),
    meanSpikes: share(spikeSum),
  };
}
