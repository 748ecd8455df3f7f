import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Table } from 'apache-arrow';
import { makeDataset } from './dataset.js';
import { DatasetError } from './dataset-error.js';
import { classNamesFor } from './row-errors.js';

const gunzipAsync = promisify(gunzip);
const IDX_UBYTE = 0x08;

/** A pair of MNIST-format IDX files (plain or gzipped, detected by content). */
export interface IdxSource {
  /** Images file, e.g. `train-images-idx3-ubyte` (or `.gz`): unsigned bytes, n x rows x cols. */
  images: string;
  /** Labels file, e.g. `train-labels-idx1-ubyte` (or `.gz`): n unsigned bytes. */
  labels: string;
  /** Class names; default `'0'..String(max label)`. */
  classNames?: string[];
}

/**
 * Reads MNIST-format IDX files into a dataset table: features Uint8 with the shape from the
 * file (e.g. `[28, 28]`), value range `[0, 255]`. The features column is a view on the (unzipped)
 * file buffer, no copy; the header's magic number, dimensions and byte count are checked.
 *
 * @example
 * ```ts
 * const train = await readIdx({ images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz' });
 * ```
 */
export async function readIdx(source: IdxSource): Promise<Table> {
  const [images, labels] = await Promise.all([
    readIdxFile(source.images),
    readIdxFile(source.labels),
  ]);
  if (images.dims.length < 2) {
    throw new DatasetError(
      source.images,
      'header',
      `expected an images file (3 dimensions), found ${images.dims.length}`,
    );
  }
  if (labels.dims.length !== 1) {
    throw new DatasetError(
      source.labels,
      'header',
      `expected a labels file (1 dimension), found ${labels.dims.length}`,
    );
  }
  const [count, ...shape] = images.dims;
  if (labels.dims[0] !== count) {
    throw new DatasetError(
      source.labels,
      'header',
      `label and feature files of different lengths: ${labels.dims[0]} labels, ${count} images in ${source.images}`,
    );
  }
  const labelValues = Int32Array.from(labels.values);
  let maxLabel = -1;
  for (let i = 0; i < labelValues.length; i++)
    if (labelValues[i] > maxLabel) maxLabel = labelValues[i];
  const classNames = classNamesFor(maxLabel, source.classNames, source.labels);
  return makeDataset({
    features: images.values,
    labels: labelValues,
    shape,
    valueRange: [0, 255],
    classNames,
  });
}

interface IdxArray {
  dims: number[];
  values: Uint8Array;
}

async function readIdxFile(path: string): Promise<IdxArray> {
  const raw = await readFile(path);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? await unzip(raw, path) : raw;
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new DatasetError(
      path,
      'byte 0',
      'not an IDX file: the magic number must start with two zero bytes',
    );
  }
  if (bytes[2] !== IDX_UBYTE) {
    throw new DatasetError(
      path,
      'byte 2',
      `IDX element type 0x${bytes[2].toString(16)} unsupported, expected 0x08 (unsigned byte)`,
    );
  }
  const ndims = bytes[3];
  const headerBytes = 4 + 4 * ndims;
  if (ndims === 0 || bytes.length < headerBytes) {
    throw new DatasetError(
      path,
      'header',
      `truncated IDX header: ${bytes.length} bytes, ${ndims} dimensions need ${headerBytes}`,
    );
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const dims = Array.from({ length: ndims }, (_, k) => header.getUint32(4 + 4 * k, false));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerBytes;
  if (actual < expected) {
    throw new DatasetError(
      path,
      `byte ${bytes.length}`,
      `truncated IDX file: dimensions [${dims}] need ${expected} data bytes, found ${actual}`,
    );
  }
  if (actual > expected) {
    throw new DatasetError(
      path,
      `byte ${headerBytes + expected}`,
      `${actual - expected} bytes after the data of dimensions [${dims}]`,
    );
  }
  return { dims, values: new Uint8Array(bytes.buffer, bytes.byteOffset + headerBytes, expected) };
}

async function unzip(raw: Buffer, path: string): Promise<Buffer> {
  try {
    return await gunzipAsync(raw);
  } catch (error) {
    throw new DatasetError(path, '', `corrupt or truncated gzip data: ${(error as Error).message}`);
  }
}
