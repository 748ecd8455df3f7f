import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { datasetView, readDataset } from '@s4nn/data';
import {
  createPredictor,
  predictNdjson,
  type PredictBatchOptions,
  type Predictor,
} from '@s4nn/serve';
import { resolveSources } from '../dataset-sources.js';
import { requireFiles } from '../files.js';
import { withExamples } from '../help-examples.js';
import { parseCount, parseNonNegativeInteger } from '../number-parsers.js';
import { loadModelOption } from '../model-directory.js';
import { UsageError } from '../usage-error.js';

interface PredictFlags {
  model: string;
  earlyExit?: boolean;
  threads: number;
  batchSize: number;
}

const NDJSON = /\.(ndjson|jsonl|json)$/i;

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
    .option('--batch-size <n>', 'samples per batch', parseCount, 64)
    .action(async (file: string | undefined, flags: PredictFlags) => {
      const fromStdin = file === undefined || file === '-';
      const sources = fromStdin || NDJSON.test(file) ? undefined : resolveSources([file], {});
      if (!fromStdin) requireFiles(sources?.files ?? [file]);
      const predictor = await createPredictor(await loadModelOption(flags.model));
      const batch = { earlyExit: flags.earlyExit === true, threads: flags.threads };
      try {
        const lines =
          sources === undefined
            ? predictNdjson(fromStdin ? process.stdin : createReadStream(file), predictor, {
                ...batch,
                batchSize: flags.batchSize,
              })
            : Readable.from(
                datasetLines(
                  await readDataset(sources.source),
                  file as string,
                  predictor,
                  batch,
                  flags.batchSize,
                ),
              );
        await pipeline(lines, process.stdout).catch(ignoreClosedStdout);
      } finally {
        await predictor.dispose();
      }
    });
  withExamples(command, [
    's4nn predict --model models/mnist samples.ndjson',
    's4nn predict --model models/mnist mnist:test --early-exit > predictions.ndjson',
    'cat samples.ndjson | s4nn predict --model models/mnist',
  ]);
}

/** The predictions of a dataset's samples, one NDJSON text chunk per batch (pulled by the pipeline). */
async function* datasetLines(
  table: Parameters<typeof datasetView>[0],
  file: string,
  predictor: Predictor,
  options: PredictBatchOptions,
  batchSize: number,
): AsyncGenerator<string> {
  const { count, width, features } = datasetView(table, file);
  if (width !== predictor.width) {
    throw new UsageError(
      `${file} holds samples of ${width} values; the model takes ${predictor.width}`,
    );
  }
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const rows = [];
    for (let r = start; r < end; r++) rows.push(features.subarray(r * width, (r + 1) * width));
    const items = await predictor.predictBatch(rows, start, options);
    yield items.map((item) => `${JSON.stringify(item)}\n`).join('');
  }
}

/** A reader that stopped early (`| head`) is not a failure of the command. */
function ignoreClosedStdout(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
