import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { RecordBatch, tableFromIPC, tableToIPC, type Schema, type Table } from 'apache-arrow';
import {
  ParquetFile,
  readParquet as readParquetWasm,
  type RecordBatch as WasmRecordBatch,
  Table as WasmTable,
  writeParquet as writeParquetWasm,
} from 'parquet-wasm';
import { checkBatch, tableFromIpcBytes } from './arrow-ipc.js';
import { readMeta } from './dataset.js';
import { writeFileAtomic } from './atomic-write.js';
import { DatasetError } from './dataset-error.js';
import type { StreamOptions } from './stream-csv.js';

/**
 * Reads a dataset from a Parquet file (parquet-wasm decodes it to an Arrow IPC stream, which
 * Arrow JS reads; the schema metadata travels with it).
 *
 * @example
 * ```ts
 * const table = await readParquet('mnist-train.parquet');
 * ```
 */
export async function readParquet(path: string): Promise<Table> {
  const bytes = await readFile(path);
  let ipc: Uint8Array;
  try {
    ipc = readParquetWasm(bytes).intoIPCStream();
  } catch (error) {
    throw notParquet(path, '', error);
  }
  return await tableFromIpcBytes(ipc, path);
}

/**
 * Streams a Parquet file as record batches of at most `batchRows` rows (parquet-wasm reads the
 * file through a file-backed Blob, one row group at a time, so memory holds a row group, not
 * the file). The dataset metadata of the file's schema is checked first and carried by every
 * batch; each batch is checked as {@link streamArrow} checks Arrow batches.
 *
 * @example
 * ```ts
 * await writeArrowBatches(streamParquet('big.parquet', { batchRows: 8192 }), 'big.arrow');
 * ```
 */
export async function* streamParquet(
  path: string,
  options: StreamOptions = {},
): AsyncGenerator<RecordBatch> {
  let file: ParquetFile;
  try {
    file = await ParquetFile.fromFile(await openAsBlob(path));
  } catch (error) {
    throw notParquet(path, '', error);
  }
  try {
    let schema: Schema;
    try {
      schema = tableFromIPC(file.schema().intoIPCStream()).schema;
    } catch (error) {
      throw notParquet(path, '', error);
    }
    readMeta({ schema }, path);
    const batches = await file.stream({ batchSize: options.batchRows ?? 16384 });
    const iterator = (batches as AsyncIterable<WasmRecordBatch>)[Symbol.asyncIterator]();
    for (let index = 0; ; index++) {
      let batch: RecordBatch;
      try {
        const next = await iterator.next();
        if (next.done) return;
        // Each wasm batch decodes alone, without the file's schema metadata: put it back.
        batch = new RecordBatch(schema, tableFromIPC(next.value.intoIPCStream()).batches[0].data);
      } catch (error) {
        throw notParquet(path, `record batch ${index}`, error);
      }
      checkBatch(batch, index, path);
      yield batch;
    }
  } finally {
    file.free();
  }
}

function notParquet(path: string, where: string, error: unknown): DatasetError {
  return new DatasetError(
    path,
    where,
    `not a readable Parquet file: ${String((error as Error).message ?? error)}`,
  );
}

/**
 * Writes a dataset as a Parquet file, atomically (temporary name, then rename).
 *
 * @example
 * ```ts
 * await writeParquet(table, 'mnist-train.parquet');
 * ```
 */
export async function writeParquet(table: Table, path: string): Promise<void> {
  // writeParquet takes ownership of the wasm table and frees it.
  const wasmTable = WasmTable.fromIPCStream(tableToIPC(table, 'stream'));
  await writeFileAtomic(path, writeParquetWasm(wasmTable));
}
