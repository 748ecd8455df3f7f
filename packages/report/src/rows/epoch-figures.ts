import type { EpochEndEvent } from '@s4nn/train';
import type { RunEvent } from '../run/run-events.js';

/**
 * The per-epoch figures of S4NN-SPEC.md section 6 that the report charts, taken from the run's
 * `epoch-end` events. A figure the run did not report (e.g. no validation split) is undefined.
 */
export interface EpochChartFigures {
  epoch: number;
  /** Online training accuracy: the predictions made during training's forward passes. */
  onlineTrainAccuracy?: number;
  /** Validation accuracy, strict (spec 3). */
  validationAccuracy?: number;
  /** Test accuracy, strict (spec 3). */
  testAccuracy?: number;
  /** Test accuracy with ties counted correct (the published evaluation). */
  testAccuracyTiesCounted?: number;
  /** Mean decision time on the test set. */
  meanDecisionTime?: number;
  /** Mean spikes per test sample, hidden and output layers. */
  meanSpikes?: number;
  /** Share of test samples the fallback decided (no output spike). */
  fallbackShare?: number;
}

/**
 * The figures of every `epoch-end` event (`EpochEndEvent` of `@s4nn/train`), in epoch order. The
 * test figures are those of the test-set evaluation after the epoch. When an epoch was reported
 * twice (a resumed run repeats the interrupted epoch), the last report wins.
 *
 * ## Example
 * ```ts
 * epochFigures(await readRunEvents('runs/x/events.ndjson'));
 * // [{ epoch: 1, onlineTrainAccuracy: 0.71, testAccuracy: 0.83, ... }, ...]
 * ```
 */
export function epochFigures(events: readonly RunEvent[]): EpochChartFigures[] {
  const byEpoch = new Map<number, EpochChartFigures>();
  for (const event of events) {
    if (event.type !== 'epoch-end') continue;
    const end = event as unknown as Partial<EpochEndEvent>;
    if (typeof end.epoch !== 'number' || !Number.isInteger(end.epoch)) {
      throw new Error(
        `epoch-end event without an integer 'epoch': ${JSON.stringify(event).slice(0, 120)}`,
      );
    }
    const figures: EpochChartFigures = {
      epoch: end.epoch,
      onlineTrainAccuracy: end.training?.accuracy,
      validationAccuracy: end.validation?.accuracy,
      testAccuracy: end.test?.accuracy,
      testAccuracyTiesCounted: end.test?.accuracyTiesCounted,
      meanDecisionTime: end.test?.meanDecisionTime,
      meanSpikes: end.test?.meanSpikes?.total,
      fallbackShare: end.test?.fallbackShare,
    };
    // Figures a run did not report (no validation split) are left out, not kept as undefined.
    for (const key of Object.keys(figures) as (keyof EpochChartFigures)[]) {
      if (typeof figures[key] !== 'number') delete figures[key];
    }
    byEpoch.set(end.epoch, figures);
  }
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}
