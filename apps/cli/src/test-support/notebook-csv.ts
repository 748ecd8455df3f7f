import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledMnist, datasetView } from '@s4nn/data';

/** The notebook's file names, per split. */
export const NOTEBOOK_FILES = {
  trainFeatures: 'train_data.csv',
  trainLabels: 'train_data_labels.csv',
  testFeatures: 'data_train_test.csv',
  testLabels: 'y_test_labels.csv',
} as const;

const SIDE = 10;
const MNIST_SIDE = 28;
const TMAX = 256;

/**
 * Writes a small dataset in the notebook's 4-CSV layout (header row each; 10x10 spike times
 * 0..256; raw digits as labels) from the first MNIST images of the digits 0-5, so that the
 * notebook preset has real, learnable data. Nearest-pixel 28 -> 10 sampling is enough for a test
 * (the tools script does the exact area average for real runs).
 *
 * @returns The four paths, keyed as {@link NOTEBOOK_FILES}.
 */
export async function writeNotebookCsvFiles(
  dir: string,
  counts: { train: number; test: number },
): Promise<Record<keyof typeof NOTEBOOK_FILES, string>> {
  const paths = {
    trainFeatures: join(dir, NOTEBOOK_FILES.trainFeatures),
    trainLabels: join(dir, NOTEBOOK_FILES.trainLabels),
    testFeatures: join(dir, NOTEBOOK_FILES.testFeatures),
    testLabels: join(dir, NOTEBOOK_FILES.testLabels),
  };
  for (const split of ['train', 'test'] as const) {
    const mnist = datasetView(await bundledMnist(split));
    const header = Array.from({ length: SIDE * SIDE }, (_, i) => `p${i}`).join(',');
    const featureRows = [header];
    const labelRows = ['label'];
    for (let n = 0; n < mnist.count && labelRows.length <= counts[split]; n++) {
      if (mnist.labels[n] > 5) continue;
      const row: number[] = [];
      for (let r = 0; r < SIDE; r++) {
        for (let c = 0; c < SIDE; c++) {
          const pixel =
            (n * MNIST_SIDE + Math.floor(r * 2.8 + 1.4)) * MNIST_SIDE + Math.floor(c * 2.8 + 1.4);
          row.push(Math.floor(((255 - mnist.features[pixel]) * TMAX) / 255));
        }
      }
      featureRows.push(row.join(','));
      labelRows.push(String(mnist.labels[n]));
    }
    const features = split === 'train' ? paths.trainFeatures : paths.testFeatures;
    const labels = split === 'train' ? paths.trainLabels : paths.testLabels;
    writeFileSync(features, `${featureRows.join('\n')}\n`);
    writeFileSync(labels, `${labelRows.join('\n')}\n`);
  }
  return paths;
}
