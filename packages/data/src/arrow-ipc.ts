import { readFile } from 'node:fs/promises';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { writeFileAtomic } from './atomic-write.js';
import { compactDataset } from './dataset-view.js';
import { DatasetError } from './dataset-error.js';

/** Arrow IPC flavours: the random-access file format (`.arrow`) or the stream format (`.arrows`). */
export type ArrowIpcFormat = 'file' | 'stream';

/**
 * Reads a dataset from an Arrow IPC file or stream (the format is told by the bytes). The
 * schema and metadata are checked. A single record batch stays a view on the file buffer, no
 * copy; several are concatenated once into one.
 *
 * @example
 * ```ts
 * const table = await readArrow('mnist-train.arrow');
 * ```
 */
export async function readArrow(path: string): Promise<Table> {
  return tableFromIpcBytes(await readFile(path), path);
}

/** Decodes Arrow IPC bytes (file or stream format) into a checked dataset table of one batch. */
export function tableFromIpcBytes(bytes: Uint8Array, source: string): Table {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new DatasetError(
      source,
      '',
      `not a readable Arrow IPC file or stream: ${(error as Error).message}`,
    );
  }
  checkBatches(table, source);
  return compactDataset(table, source);
}

/**
 * Writes a dataset as an Arrow IPC file (default) or stream, atomically (temporary name, then
 * rename).
 *
 * @example
 * ```ts
 * await writeArrow(table, 'mnist-train.arrow');
 * await writeArrow(table, 'mnist-train.arrows', { format: 'stream' });
 * ```
 */
export async function writeArrow(
  table: Table,
  path: string,
  options: { format?: ArrowIpcFormat } = {},
): Promise<void> {
  await writeFileAtomic(path, tableToIPC(table, options.format ?? 'file'));
}

// A truncated or hand-made IPC input can decode with batches that lack a column or hold nulls:
// name the record batch rather than fail later in a hot loop.
function checkBatches(table: Table, source: string): void {
  table.batches.forEach((batch, index) => {
    for (const name of ['features', 'label']) {
      const column = batch.getChild(name);
      if (!column)
        throw new DatasetError(source, `record batch ${index}`, `missing column '${name}'`);
      if (column.nullCount > 0) {
        throw new DatasetError(
          source,
          `record batch ${index}`,
          `column '${name}' holds ${column.nullCount} nulls`,
        );
      }
    }
  });
}
