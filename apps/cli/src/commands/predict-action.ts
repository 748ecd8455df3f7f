import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { datasetView, readDataset } from '@s4nn/data';
import {
  createPredictor,
  predictNdjson,
  type PredictBatchOptions,
  type Predictor,
} from '@s4nn/serve';
import { resolveSources } from '../dataset-sources.js';
import { checkBackendFlag } from '../engine-flags.js';
import { requireFiles } from '../files.js';
import { loadModelOption } from '../model-directory.js';
import { UsageError } from '../usage-error.js';
import type { PredictFlags } from './predict.js';

const NDJSON = /\.(ndjson|jsonl|json)$/i;

/** Runs `s4nn predict` (see `commands/predict.ts`): predictions as NDJSON on stdout. */
export async function predictAction(file: string | undefined, flags: PredictFlags): Promise<void> {
  checkBackendFlag(flags.engine, flags.backend);
  const fromStdin = file === undefined || file === '-';
  const sources = fromStdin || NDJSON.test(file) ? undefined : resolveSources([file], {});
  if (!fromStdin) requireFiles(sources?.files ?? [file]);
  const predictor = await createPredictor(await loadModelOption(flags.model), {
    engine: flags.engine,
    backend: flags.backend,
  });
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
