import { join } from 'node:path';
import { RUN_FILES, type RunEndEvent } from '@s4nn/train';
import { percent } from '../figures-format.js';

/**
 * What a finished run tells the user: the test accuracy of the model kept, where the model and
 * metrics went, and the commands that evaluate, serve and export it (`cli` is how to call s4nn).
 *
 * @example
 * ```ts
 * process.stderr.write(runSummaryText(runEnd, 's4nn'));
 * ```
 */
export function runSummaryText(end: RunEndEvent, cli: string): string {
  const { best, final, outDir, modelPath } = end;
  const test = best.test;
  const kept =
    best.epoch === final.epoch
      ? `epoch ${best.epoch}`
      : `epoch ${best.epoch}, best validation accuracy; the last epoch, ${final.epoch}, tested ${percent(final.test.accuracy)}`;
  const quoted = (path: string) => (/^[\w./@:+-]+$/.test(path) ? path : JSON.stringify(path));
  const lines = [
    `test accuracy ${percent(test.accuracy)} on ${test.samples} samples (${kept})`,
    `              ${percent(test.accuracyTiesCounted)} with ties counted correct, ${percent(test.accuracyNoFallback)} with the ${test.fallbackDecided} fallback-decided samples counted wrong`,
    `model     ${modelPath}`,
    `metrics   ${join(outDir, RUN_FILES.events)} (options: ${join(outDir, RUN_FILES.config)}, checkpoints: ${join(outDir, RUN_FILES.checkpoints)})`,
    `evaluate  ${cli} eval --model ${quoted(modelPath)}`,
    `serve     ${cli} serve --model ${quoted(modelPath)}`,
    `export    ${cli} export --model ${quoted(modelPath)} --format npz --out ${quoted(join(outDir, 'weights.npz'))}`,
  ];
  return `${lines.join('\n')}\n`;
}
