import type { DataOptions } from '@s4nn/train';

/**
 * A data source in a few words, for the first line of a run.
 *
 * @example
 * ```ts
 * describeData({ dataset: 'mnist' }); // 'the bundled MNIST'
 * ```
 */
export function describeData(data: DataOptions): string {
  if ('dataset' in data) return 'the bundled MNIST';
  if ('trainFeatures' in data)
    return `${data.trainFeatures} and ${data.testFeatures} (notebook layout)`;
  return `${data.train} and ${data.test}`;
}
