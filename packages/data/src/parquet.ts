import { readFile } from 'node:fs/promises';
import { tableToIPC, type Table } from 'apache-arrow';
import {
  readParquet as readParquetWasm,
  Table as WasmTable,
  writeParquet as writeParquetWasm,
} from 'parquet-wasm';
import { tableFromIpcBytes } from './arrow-ipc.js';
import { writeFileAtomic } from './atomic-write.js';
import { DatasetError } from './dataset-error.js';

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
    throw new DatasetError(
      path,
      '',
      `not a readable Parquet file: ${String((error as Error).message ?? error)}`,
    );
  }
  return tableFromIpcBytes(ipc, path);
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
