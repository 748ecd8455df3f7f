import { Table, type RecordBatch } from 'apache-arrow';
import { openBytes, type ByteReader } from './byte-reader.js';
import { makeDataset } from './dataset.js';
import { DatasetError } from './dataset-error.js';
import { classNamesFor } from './row-errors.js';
import type { StreamOptions } from './stream-csv.js';

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
 * file (e.g. `[28, 28]`), value range `[0, 255]`. This is {@link streamIdx} with one batch of
 * every image: the file is read once straight into the features array.
 *
 * @example
 * ```ts
 * const train = await readIdx({ images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz' });
 * ```
 */
export async function readIdx(source: IdxSource): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of streamIdx(source, { batchRows: Infinity })) batches.push(batch);
  return new Table(batches);
}

/**
 * Streams MNIST-format IDX files as record batches of at most `batchRows` images, with bounded
 * memory: the images file is read incrementally (a file handle, or zlib's streaming gunzip for
 * a gzipped file), one batch at a time; the labels (1 byte a sample) are read first, whole.
 * The headers' magic numbers and dimensions are checked before the first batch; a truncated
 * file fails with its byte offset when the reading gets there, after the earlier batches.
 * An empty images file yields one empty batch, so the schema is always known.
 *
 * @example
 * ```ts
 * await writeArrowBatches(streamIdx({ images, labels }, { batchRows: 10000 }), 'mnist.arrow');
 * ```
 */
export async function* streamIdx(
  source: IdxSource,
  options: StreamOptions = {},
): AsyncGenerator<RecordBatch> {
  const images = await openIdx(source.images);
  try {
    if (images.dims.length < 2) {
      throw new DatasetError(
        source.images,
        'header',
        `expected an images file (3 dimensions), found ${images.dims.length}`,
      );
    }
    const [count, ...shape] = images.dims;
    const labels = await readIdxLabels(source.labels, count, source.images);
    let maxLabel = -1;
    for (let i = 0; i < labels.length; i++) if (labels[i] > maxLabel) maxLabel = labels[i];
    const classNames = classNamesFor(maxLabel, source.classNames, source.labels);
    const width = shape.reduce((a, b) => a * b, 1);
    const batchRows = Math.max(1, Math.min(count, options.batchRows ?? 16384));
    for (let start = 0; start < count || start === 0; start += batchRows) {
      const rows = Math.min(batchRows, count - start);
      const features = new Uint8Array(rows * width);
      await readData(images, features, start * width);
      yield makeDataset({
        features,
        labels: labels.subarray(start, start + rows),
        shape,
        valueRange: [0, 255],
        classNames,
      }).batches[0];
    }
    await checkEnd(images);
  } finally {
    await images.reader.close();
  }
}

/** An IDX file opened past its checked header. */
interface IdxFile {
  path: string;
  reader: ByteReader;
  dims: number[];
  headerBytes: number;
  /** Data bytes the dimensions call for. */
  expected: number;
}

async function openIdx(path: string): Promise<IdxFile> {
  const reader = await openBytes(path);
  try {
    const magic = new Uint8Array(4);
    const got = await reader.readInto(magic);
    if (got < 4 || magic[0] !== 0 || magic[1] !== 0) {
      throw new DatasetError(
        path,
        'byte 0',
        'not an IDX file: the magic number must start with two zero bytes',
      );
    }
    if (magic[2] !== IDX_UBYTE) {
      throw new DatasetError(
        path,
        'byte 2',
        `IDX element type 0x${magic[2].toString(16)} unsupported, expected 0x08 (unsigned byte)`,
      );
    }
    const ndims = magic[3];
    const headerBytes = 4 + 4 * ndims;
    const dimBytes = new Uint8Array(4 * ndims);
    const gotDims = await reader.readInto(dimBytes);
    if (ndims === 0 || gotDims < dimBytes.length) {
      throw new DatasetError(
        path,
        'header',
        `truncated IDX header: ${4 + gotDims} bytes, ${ndims} dimensions need ${headerBytes}`,
      );
    }
    const view = new DataView(dimBytes.buffer);
    const dims = Array.from({ length: ndims }, (_, k) => view.getUint32(4 * k, false));
    const expected = dims.reduce((a, b) => a * b, 1);
    return { path, reader, dims, headerBytes, expected };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** Reads the whole labels file (checked to hold `count` labels) as Int32. */
async function readIdxLabels(path: string, count: number, imagesPath: string): Promise<Int32Array> {
  const file = await openIdx(path);
  try {
    if (file.dims.length !== 1) {
      throw new DatasetError(
        path,
        'header',
        `expected a labels file (1 dimension), found ${file.dims.length}`,
      );
    }
    if (file.dims[0] !== count) {
      throw new DatasetError(
        path,
        'header',
        `label and feature files of different lengths: ${file.dims[0]} labels, ${count} images in ${imagesPath}`,
      );
    }
    const bytes = new Uint8Array(count);
    await readData(file, bytes, 0);
    await checkEnd(file);
    return Int32Array.from(bytes);
  } finally {
    await file.reader.close();
  }
}

/** Fills `target` with the data bytes from offset `done`; a short read is a truncated file. */
async function readData(file: IdxFile, target: Uint8Array, done: number): Promise<void> {
  const got = await file.reader.readInto(target);
  if (got < target.length) {
    const found = done + got;
    throw new DatasetError(
      file.path,
      `byte ${file.headerBytes + found}`,
      `truncated IDX file: dimensions [${file.dims}] need ${file.expected} data bytes, found ${found}`,
    );
  }
}

/** Fails when bytes follow the data the dimensions call for. */
async function checkEnd(file: IdxFile): Promise<void> {
  const extra = await file.reader.countRest();
  if (extra > 0) {
    throw new DatasetError(
      file.path,
      `byte ${file.headerBytes + file.expected}`,
      `${extra} bytes after the data of dimensions [${file.dims}]`,
    );
  }
}
