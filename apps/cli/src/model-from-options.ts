import { outputSize, type ModelClasses } from '@s4nn/core';
import type { EncoderSettings } from '@s4nn/encoding';
import type { TrainOptions } from '@s4nn/train';
import { UsageError } from './usage-error.js';

/**
 * The classes a model of these options has without reading its data: output k is named after
 * its source label `cats[k]` (MNIST's class names are its digits), or after k without cats.
 *
 * @example
 * ```ts
 * classesOf(resolveTrainOptions({ preset: 'notebook' })); // { names: ['4', '1', ...], categories: [4, 1, ...] }
 * ```
 */
export function classesOf(options: TrainOptions): ModelClasses {
  if (options.cats !== undefined)
    return { names: options.cats.map(String), categories: [...options.cats] };
  return { names: Array.from({ length: outputSize(options.network) }, (_, k) => String(k)) };
}

/** The input code of these options; a latency code must state its maximum value here (no data to take it from). */
export function encoderOf(options: TrainOptions): EncoderSettings {
  const { encoding, network } = options;
  if (encoding.type === 'pre-encoded') return { type: 'pre-encoded', tmax: network.tmax };
  if (encoding.maxValue === undefined) {
    throw new UsageError(
      'the latency encoding needs encoding.maxValue (e.g. 255) in --config: there is no data to read it from',
    );
  }
  return { type: 'latency', tmax: network.tmax, maxValue: encoding.maxValue };
}
