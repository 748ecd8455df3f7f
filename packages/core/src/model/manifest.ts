import type { EncoderSettings } from '@s4nn/encoding';
import type { NetworkSpec } from '../spec/network-spec.js';
import type { ModelClasses, ModelProvenance, S4nnModel } from './model.js';
import { weightShapes, type MatrixShape } from './weight-shapes.js';

/** The `format` tag of every s4nn model manifest. */
export const MODEL_FORMAT = 's4nn-model';
/** The newest manifest `formatVersion` this s4nn writes and reads. */
export const MODEL_FORMAT_VERSION = 1;
/** The manifest's file name inside a model directory. */
export const MANIFEST_FILE = 'model.json';

/** Where one layer's matrix lies in the weights file. */
export interface WeightsLayerEntry {
  /** `[N_l, N_{l-1}]`, row-major. */
  shape: MatrixShape;
  byteOffset: number;
  byteLength: number;
}

/** The weights file: little-endian float64 matrices back to back, lowest layer first. */
export interface WeightsFileEntry {
  /** Name of the file inside the model directory (never a path). */
  file: string;
  dtype: 'float64-le';
  byteLength: number;
  /** SHA-256 of the whole file, lowercase hex. */
  sha256: string;
  layers: WeightsLayerEntry[];
}

/** The contents of `model.json`. Plain JSON, never executed. */
export interface ModelManifest {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  spec: NetworkSpec;
  encoder: EncoderSettings;
  classes: ModelClasses;
  provenance?: ModelProvenance;
  weights: WeightsFileEntry;
}

/**
 * The manifest describing `model` once its weights are stored in `weightsFile` with checksum
 * `sha256`: layers back to back in spec order.
 */
export function buildManifest(
  model: S4nnModel,
  weightsFile: string,
  sha256: string,
): ModelManifest {
  let byteOffset = 0;
  const layers = weightShapes(model.spec).map((shape): WeightsLayerEntry => {
    const entry = { shape, byteOffset, byteLength: shape[0] * shape[1] * 8 };
    byteOffset += entry.byteLength;
    return entry;
  });
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    spec: model.spec,
    encoder: model.encoder,
    classes: model.classes,
    ...(model.provenance === undefined ? {} : { provenance: model.provenance }),
    weights: { file: weightsFile, dtype: 'float64-le', byteLength: byteOffset, sha256, layers },
  };
}
