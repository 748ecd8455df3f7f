import type { DatasetView } from '@s4nn/data';
import { latency } from '@s4nn/encoding';
import { downsampleArea } from './downsample.js';

/** One split of the notebook's layout as CSV text: a features file and a labels file. */
export interface NotebookCsvText {
  /** Header `p0,...,p99`, then one row of 100 spike times per sample. */
  features: string;
  /** Header `label`, then the MNIST digit of each sample. */
  labels: string;
  count: number;
}

/**
 * Builds one split of the notebook's dataset from MNIST: the samples whose digit is in `digits`
 * (file order, at most `limit`), each downsampled 28x28 -> 10x10 by exact area averaging, then
 * latency-encoded `floor((255 - x) * 256 / 255)` (S4NN-SPEC.md section 1, T = 256, X = 255).
 * Labels stay the raw digits, as in the notebook, which remaps them with `cats` on loading.
 *
 * @example
 * ```ts
 * const { features, labels } = notebookCsv(datasetView(await bundledMnist('test')), { digits: [0, 1, 2, 3, 4, 5] });
 * ```
 */
export function notebookCsv(
  mnist: DatasetView,
  options: { digits: readonly number[]; limit?: number },
): NotebookCsvText {
  const limit = options.limit ?? Infinity;
  const wanted = new Set(options.digits);
  const rows: number[] = [];
  for (let row = 0; row < mnist.count && rows.length < limit; row++) {
    if (wanted.has(mnist.labels[row])) rows.push(row);
  }
  const pixels = new Uint8Array(rows.length * mnist.width);
  rows.forEach((row, k) =>
    pixels.set(
      mnist.features.subarray(row * mnist.width, (row + 1) * mnist.width),
      k * mnist.width,
    ),
  );
  const gray = downsampleArea(pixels, rows.length, 28, 10);
  const times = latency({ tmax: 256, maxValue: 255 }).encodeMatrix(gray, 100);
  const featureLines = [Array.from({ length: 100 }, (_, i) => `p${i}`).join(',')];
  for (let k = 0; k < rows.length; k++)
    featureLines.push(times.subarray(k * 100, (k + 1) * 100).join(','));
  const labelLines = ['label', ...rows.map((row) => String(mnist.labels[row]))];
  return {
    features: featureLines.join('\n') + '\n',
    labels: labelLines.join('\n') + '\n',
    count: rows.length,
  };
}
