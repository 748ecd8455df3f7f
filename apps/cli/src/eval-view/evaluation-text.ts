import type { EvaluationFigures } from '@s4nn/train';
import { duration, percent } from '../figures-format.js';

/** What is evaluated, for the first lines of the summary. */
export interface EvaluationSubject {
  /** `runs/x/model`, or `weights.npz (paper-mnist)`. */
  network: string;
  /** `784-400-10`. */
  shape: string;
  /** What evaluated, e.g. `event engine, typed-arrays backend on the cpu`. */
  engine: string;
  /** `the bundled MNIST, test split`. */
  data: string;
  /** Name of class k (output neuron k). */
  classNames: readonly string[];
}

/**
 * Renders an evaluation for a terminal: the accuracies of S4NN-SPEC.md section 3 (strict, ties
 * counted correct, lowest index, fallback counted wrong), the fallback count, decision time,
 * spikes per layer, the time taken and the confusion matrix.
 *
 * @example
 * ```ts
 * process.stdout.write(evaluationText(evaluationFigures(report), subject));
 * ```
 */
export function evaluationText(figures: EvaluationFigures, subject: EvaluationSubject): string {
  const { perLayer, total } = figures.meanSpikes;
  const rate =
    figures.seconds > 0 ? ` (${Math.round(figures.samples / figures.seconds)} samples/s)` : '';
  const lines = [
    `network   ${subject.network}, ${subject.shape}, ${subject.engine}`,
    `data      ${subject.data}: ${figures.samples} samples`,
    `accuracy  ${percent(figures.accuracy)} strict (earliest output spike; ties by potential, then lowest index)`,
    `          ${percent(figures.accuracyTiesCounted)} with ties counted correct (the published evaluation)`,
    `          ${percent(figures.accuracyLowestIndex)} with ties broken by the lowest index`,
    `          ${percent(figures.accuracyNoFallback)} with fallback-decided samples counted wrong`,
    `fallback  ${figures.fallbackDecided} samples without an output spike (${percent(figures.fallbackShare)}), decided by argmax V(tmax - 3)`,
    `decision  mean time ${figures.meanDecisionTime.toFixed(2)}`,
    `spikes    ${total.toFixed(1)} per sample (per layer: ${perLayer.map((n) => n.toFixed(1)).join(', ')})`,
    `time      ${duration(figures.seconds)}${rate}`,
    'confusion rows: label, columns: prediction',
    ...confusionLines(figures.confusion, subject.classNames),
  ];
  return `${lines.join('\n')}\n`;
}

function confusionLines(confusion: readonly number[][], classNames: readonly string[]): string[] {
  const names = confusion.map((_, k) => classNames[k] ?? String(k));
  const width = Math.max(
    ...confusion.flat().map((count) => String(count).length),
    ...names.map((n) => n.length),
  );
  const nameWidth = Math.max(...names.map((n) => n.length));
  const cell = (text: string) => text.padStart(width);
  return [
    `  ${''.padStart(nameWidth)}  ${names.map(cell).join(' ')}`,
    ...confusion.map(
      (row, k) =>
        `  ${names[k].padStart(nameWidth)}  ${row.map((count) => cell(String(count))).join(' ')}`,
    ),
  ];
}
