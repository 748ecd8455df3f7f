import type { Rng } from '../random/rng.js';
import type { NetworkSpec } from '../spec/network-spec.js';
import { SpecError } from '../spec/spec-error.js';
import type { KernelName } from './kernel-names.js';
import type { BatchResult } from './results.js';

/**
 * Throws unless `input` is a Uint16Array of `width` spike times (tfjs-style: the message names the
 * argument and the call). Values above tmax are caught by the engines where they read them.
 */
export function checkSpikeTimes(
  input: unknown,
  width: number,
  argument: string,
  kernel: KernelName,
): void {
  if (!(input instanceof Uint16Array)) {
    throw new SpecError(
      `${kernel}: argument '${argument}' must be a Uint16Array of spike times`,
      argument,
    );
  }
  if (input.length !== width) {
    throw new SpecError(
      `${kernel}: argument '${argument}' must hold ${width} spike times (got ${input.length})`,
      argument,
    );
  }
}

/** Throws unless `label` is an integer class index in 0..classes-1. */
export function checkLabel(label: number, classes: number, kernel: KernelName): void {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new SpecError(
      `${kernel}: argument 'label' must be an integer in 0..${classes - 1} (got ${label})`,
      'label',
    );
  }
}

/** Throws unless `inputs` is a Uint16Array of whole rows of `width`; returns the row count. */
export function checkBatch(inputs: unknown, width: number, kernel: KernelName): number {
  if (!(inputs instanceof Uint16Array) || inputs.length % width !== 0) {
    const got = inputs instanceof Uint16Array ? `${inputs.length} values` : 'not a Uint16Array';
    throw new SpecError(
      `${kernel}: argument 'inputs' must be a Uint16Array of n x ${width} spike times (got ${got})`,
      'inputs',
    );
  }
  return inputs.length / width;
}

/** Throws a SpecError for a spike time above tmax at `index` of the input. */
export function spikeTimeOutOfRange(
  kernel: KernelName,
  index: number,
  time: number,
  tmax: number,
): never {
  throw new SpecError(
    `${kernel}: argument 'input' holds spike time ${time} at index ${index}; expected 0..${tmax}`,
    'input',
  );
}

/** Throws unless `rng` is given where a layer has dropout (spec 4 draws the masks from it). */
export function checkDropoutRng(spec: NetworkSpec, rng: Rng | undefined, engine: string): void {
  if (rng === undefined && spec.layers.some((layer) => layer.dropout > 0)) {
    throw new SpecError(
      `${engine} engine: options.rng is required when a layer has dropout > 0`,
      'rng',
    );
  }
}

/** Throws unless a caller's `options.out` holds `count` samples; returns it. */
export function checkBatchOut(out: BatchResult, count: number, kernel: KernelName): BatchResult {
  if (out.count !== count) {
    throw new SpecError(
      `${kernel}: options.out holds ${out.count} samples, the batch ${count}`,
      'out',
    );
  }
  return out;
}
