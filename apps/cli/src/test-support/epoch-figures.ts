import type { EpochFigures, EvaluationFigures } from '@s4nn/train';

/** Evaluation figures of 10 samples on 2 classes: 7 right strictly, 8 with ties, 1 fallback. */
export function sampleEvaluation(overrides: Partial<EvaluationFigures> = {}): EvaluationFigures {
  return {
    samples: 10,
    accuracy: 0.7,
    accuracyTiesCounted: 0.8,
    accuracyLowestIndex: 0.6,
    accuracyNoFallback: 0.6,
    fallbackDecided: 1,
    fallbackShare: 0.1,
    meanDecisionTime: 42.25,
    meanSpikes: { perLayer: [12.5, 1.5], total: 14 },
    confusion: [
      [4, 1],
      [2, 3],
    ],
    seconds: 0.5,
    ...overrides,
  };
}

/** An epoch's figures with a validation split and 3 + 1 dead neurons re-drawn. */
export function sampleEpoch(epoch: number, test = sampleEvaluation()): EpochFigures {
  return {
    epoch,
    training: {
      samples: 100,
      accuracy: 0.5,
      fallbackShare: 0.25,
      meanSpikes: { perLayer: [10, 2], total: 12 },
      seconds: 2,
      samplesPerSecond: 50,
    },
    validation: sampleEvaluation({ accuracy: 0.55 }),
    test,
    deadNeuronsRedrawn: [3, 1],
    seconds: 2.5,
  };
}
