import type { EncoderSettings } from '@s4nn/encoding';
import type { NetworkSpec, Weights } from '../spec/network-spec.js';

/** Any value JSON can hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The classes of the output layer: output neuron k stands for `names[k]`. */
export interface ModelClasses {
  /** One display name per output neuron. */
  names: string[];
  /** The `cats` order of the source labels: output k is source label `categories[k]`. */
  categories?: number[];
}

/**
 * Free-form training provenance (seed, epochs, dataset, creation time, s4nn version...). Stored
 * as given; nothing in it is interpreted.
 */
export type ModelProvenance = { [key: string]: JsonValue };

/** Everything a trained network needs to be run again elsewhere: what a model directory holds. */
export interface S4nnModel {
  spec: NetworkSpec;
  weights: Weights;
  /** The input code, so that a served model encodes raw values exactly as in training. */
  encoder: EncoderSettings;
  classes: ModelClasses;
  provenance?: ModelProvenance;
}
