import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import {
  RecordBatchFileWriter,
  RecordBatchReader,
  RecordBatchStreamWriter,
  Table,
  tableToIPC,
  type AsyncRecordBatchFileReader,
  type AsyncRecordBatchStreamReader,
  type RecordBatch,
  type Schema,
} from 'apache-arrow';
import { writeAtomically, writeFileAtomic } from './atomic-write.js';
import { readMeta } from './dataset.js';
import { compactDataset } from './dataset-view.js';
import { DatasetError } from './dataset-error.js';

/** Arrow IPC flavours: the random-access file format (`.arrow`) or the stream format (`.arrows`). */
export type ArrowIpcFormat = 'file' | 'stream';

/**
 * Reads a dataset from an Arrow IPC file or stream (the format is told by the bytes): this is
 * {@link streamArrow} collected, the record batches concatenated into one if there are several.
 *
 * @example
 * ```ts
 * const table = await readArrow('mnist-train.arrow');
 * ```
 */
export async function readArrow(path: string): Promise<Table> {
  const handle = await open(path, 'r');
  try {
    return await collectIpc(new IpcBatches(() => RecordBatchReader.from(handle), path));
  } finally {
    await handle.close();
  }
}

/**
 * Streams the record batches of an Arrow IPC file or stream (the format is told by the bytes)
 * through Arrow's `RecordBatchReader` over a file handle, one batch in memory at a time. The
 * schema and its dataset metadata are checked before the first batch; each batch is checked for
 * its columns, and a bad or truncated batch fails naming the file and `record batch i`.
 *
 * @example
 * ```ts
 * for await (const batch of streamArrow('mnist-train.arrow')) use(batch.getChild('features'));
 * ```
 */
export async function* streamArrow(path: string): AsyncGenerator<RecordBatch> {
  const handle = await open(path, 'r');
  try {
    yield* new IpcBatches(() => RecordBatchReader.from(handle), path).batches();
  } finally {
    await handle.close();
  }
}

/** Decodes Arrow IPC bytes (file or stream format) into a checked dataset table of one batch. */
export async function tableFromIpcBytes(bytes: Uint8Array, source: string): Promise<Table> {
  return collectIpc(new IpcBatches(() => RecordBatchReader.from(bytes), source));
}

async function collectIpc(ipc: IpcBatches): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of ipc.batches()) batches.push(batch);
  return compactDataset(new Table(ipc.schema!, batches), ipc.source);
}

type AnyBatchReader = RecordBatchReader | AsyncRecordBatchStreamReader | AsyncRecordBatchFileReader;

/** The checked record batches of one IPC input; `schema` is set once the reader opened. */
class IpcBatches {
  schema: Schema | undefined;

  constructor(
    private readonly openReader: () => AnyBatchReader | Promise<AnyBatchReader>,
    readonly source: string,
  ) {}

  async *batches(): AsyncGenerator<RecordBatch> {
    let reader: AnyBatchReader;
    let iterator: AsyncIterator<RecordBatch>;
    const unreadable = (where: string, error: unknown) =>
      new DatasetError(
        this.source,
        where,
        `not a readable Arrow IPC file or stream: ${(error as Error).message}`,
      );
    try {
      reader = await (await this.openReader()).open();
      iterator = reader[Symbol.asyncIterator]();
    } catch (error) {
      throw unreadable('', error);
    }
    this.schema = reader.schema;
    readMeta(reader, this.source);
    for (let index = 0; ; index++) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw unreadable(`record batch ${index}`, error);
      }
      if (next.done) return;
      checkBatch(next.value, index, this.source);
      yield next.value;
    }
  }
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

/**
 * A truncated or hand-made input can decode with batches that lack a column or hold nulls:
 * name the record batch rather than fail later in a hot loop.
 */
export function checkBatch(batch: RecordBatch, index: number, source: string): void {
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
}
