import { readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import {
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  tableFromIPC,
  tableToIPC,
  type RecordBatch,
  type Table,
} from 'apache-arrow';
import { writeAtomically, writeFileAtomic } from './atomic-write.js';
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

/**
 * Writes record batches as they come (e.g. from {@link streamNotebookCsv}) to an Arrow IPC
 * file (default) or stream, so that a dataset larger than memory can be converted. Atomic:
 * if the batches fail midway, no file appears at `path`.
 *
 * @example
 * ```ts
 * await writeArrowBatches(streamNotebookCsv({ features, labels, valueRange: [0, 256] }), 'train.arrow');
 * ```
 */
export async function writeArrowBatches(
  batches: AsyncIterable<RecordBatch>,
  path: string,
  options: { format?: ArrowIpcFormat } = {},
): Promise<void> {
  await writeAtomically(path, async (temporary) => {
    const writer =
      options.format === 'stream' ? new RecordBatchStreamWriter() : new RecordBatchFileWriter();
    const bytes = writer.toNodeStream();
    const written = pipeline(bytes, createWriteStream(temporary));
    try {
      for await (const batch of batches) writer.write(batch);
      writer.finish();
    } catch (error) {
      // Tear the pipe down (the file is unlinked by writeAtomically); the pipeline's own
      // premature-close rejection says nothing new.
      bytes.destroy();
      await written.catch(() => undefined);
      throw error;
    }
    await written;
  });
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
