import type { EncoderSettings } from '@s4nn/encoding';
import {
  loadSamples,
  validateTrainOptions,
  type DataOptions,
  type TrainOptions,
} from '@s4nn/train';

/** The encoded test set the report evaluates: spike times `count x width`, labels 0..K-1. */
export interface TestSet {
  /** Where it came from, for the page (`bundled MNIST`, a path...). */
  source: string;
  count: number;
  width: number;
  spikeTimes: Uint16Array;
  labels: Int32Array;
}

/**
 * The test set of a run as its `config.json` (the resolved `TrainOptions` of `@s4nn/train`)
 * configures it: read, remapped to `cats`, limited to `testLimit` and encoded exactly as the run
 * evaluated it, by `@s4nn/train`'s own `loadSamples`. Relative paths are relative to the working
 * directory, as in training. Undefined without a config.
 *
 * `encoder` is the model's input code: give it, because a latency code configured without
 * `maxValue` took X from the *training* data's value range, which the test file alone may not
 * reproduce (a CSV's observed range).
 *
 * ## Example
 * ```ts
 * const testSet = await loadTestSet(JSON.parse(await readFile('runs/x/config.json', 'utf8')), 'runs/x/config.json', model.encoder);
 * ```
 */
export async function loadTestSet(
  config: Record<string, unknown> | undefined,
  configFile: string,
  encoder?: EncoderSettings,
): Promise<TestSet | undefined> {
  if (config === undefined) return undefined;
  let options: TrainOptions;
  try {
    options = validateTrainOptions(config);
  } catch (error) {
    throw new Error(`${configFile}: ${(error as Error).message}`);
  }
  if (encoder?.type === 'latency') {
    options = { ...options, encoding: { type: 'latency', maxValue: encoder.maxValue } };
  }
  const samples = await loadSamples(options, 'test', options.testLimit);
  return {
    source: describeTestSource(options.data),
    count: samples.count,
    width: samples.width,
    spikeTimes: samples.inputs,
    labels: samples.labels,
  };
}

function describeTestSource(data: DataOptions): string {
  if ('dataset' in data) return 'bundled MNIST test set';
  if ('testFeatures' in data) return `${data.testFeatures} + ${data.testLabels}`;
  return data.test;
}
