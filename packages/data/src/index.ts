// @s4nn/data: sources -> Arrow dataset tables; category remapping; splits.
// A dataset is an Arrow Table with a `features` column (FixedSizeList<D> of uint8, uint16 or
// float32) and an int32 `label` column; shape, value range and class names in schema metadata.
export { DatasetError } from './dataset-error.js';
export {
  makeDataset,
  META_CLASS_NAMES,
  META_SHAPE,
  META_VALUE_RANGE,
  type DatasetMeta,
  type DatasetParts,
  type FeatureArray,
  type FeatureType,
} from './dataset.js';
export { compactDataset, datasetView, type DatasetView } from './dataset-view.js';
export type { DatasetDeclarations } from './dataset-declarations.js';
export {
  readNotebookCsv,
  readLabeledCsv,
  type NotebookCsvSource,
  type LabeledCsvSource,
} from './read-csv.js';
export { readIdx, streamIdx, type IdxSource } from './read-idx.js';
export {
  readArrow,
  streamArrow,
  writeArrow,
  writeArrowBatches,
  type ArrowIpcFormat,
} from './arrow-ipc.js';
export {
  streamNotebookCsv,
  streamLabeledCsv,
  type StreamOptions,
  type StreamedNotebookCsvSource,
  type StreamedLabeledCsvSource,
} from './stream-csv.js';
export { readParquet, streamParquet, writeParquet } from './parquet.js';
export { readDataset, streamDataset, type DatasetSource, type FileSource } from './read-dataset.js';
export { readDatasetCached, type CachedDataset } from './dataset-cache.js';
export { bundledMnist, bundledMnistPaths, type MnistSplit } from './bundled-mnist.js';
export { remap, type RemapOptions } from './remap.js';
export { split, type SplitOptions } from './split.js';
