import { atomicWriteFile } from '@s4nn/core';
import type { EvaluationReport } from '@s4nn/train';

/**
 * Writes one JSON line per evaluated sample, `{ index, label, prediction, class, decisionTime,
 * outputTimes }` (labels and predictions are output indices, `class` the prediction's name),
 * to a temporary file renamed to `path` when whole.
 *
 * @example
 * ```ts
 * await writePredictions('predictions.ndjson', report, ['4', '1', '0']);
 * ```
 */
export async function writePredictions(
  path: string,
  report: EvaluationReport,
  classNames: readonly string[],
): Promise<void> {
  const { labels, perSample } = report;
  const classes = perSample.count === 0 ? 0 : perSample.outputTimes.length / perSample.count;
  const lines = new Array<string>(perSample.count);
  for (let index = 0; index < perSample.count; index++) {
    const prediction = perSample.predictions[index];
    lines[index] = JSON.stringify({
      index,
      label: labels[index],
      prediction,
      class: classNames[prediction] ?? String(prediction),
      decisionTime: perSample.decisionTimes[index],
      outputTimes: Array.from(
        perSample.outputTimes.subarray(index * classes, (index + 1) * classes),
      ),
    });
  }
  await atomicWriteFile(path, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}
