import type { Command } from 'commander';
import { withExamples } from '../help-examples.js';
import { parseCount, parseNonNegativeInteger } from '../number-parsers.js';
import { addEngineChoiceOptions } from '../run-flags.js';

/** The flags of `s4nn predict`. */
export interface PredictFlags {
  model: string;
  earlyExit?: boolean;
  threads: number;
  batchSize: number;
  engine?: string;
  backend?: string;
}

/** `s4nn predict --model DIR [file]`: one NDJSON prediction per input sample on stdout. */
export function registerPredict(program: Command): void {
  const command = program
    .command('predict')
    .summary('predict samples with a saved model (NDJSON out)')
    .description(
      'Reads samples as NDJSON ({"values": [...]}, {"times": [...]} or an array of values per ' +
        'line, with an optional "id"), from a dataset file (.csv, .arrow, .parquet, MNIST IDX, ' +
        'mnist:test), or NDJSON on stdin, and writes one prediction per sample to stdout, in ' +
        'order. A bad sample gets an error line and the rest go on.',
    )
    .argument('[file]', 'the samples; stdin (NDJSON) when absent or -')
    .requiredOption('--model <dir>', 'the model directory (written by s4nn train)')
    .option('--early-exit', 'stop each sample at its first output spike (same decisions)')
    .option('--threads <n>', 'worker threads per batch', parseNonNegativeInteger, 0)
    .option('--batch-size <n>', 'samples per batch', parseCount, 64);
  addEngineChoiceOptions(command).action(async (file: string | undefined, flags: PredictFlags) =>
    (await import('./predict-action.js')).predictAction(file, flags),
  );
  withExamples(command, [
    's4nn predict --model models/mnist samples.ndjson',
    's4nn predict --model models/mnist mnist:test --early-exit > predictions.ndjson',
    's4nn predict --model models/mnist mnist:test --engine tfjs --backend wasm',
    'cat samples.ndjson | s4nn predict --model models/mnist',
  ]);
}
