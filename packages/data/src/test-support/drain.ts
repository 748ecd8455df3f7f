import { Table, type RecordBatch } from 'apache-arrow';
import { datasetView, type DatasetView } from '../dataset-view.js';

/** What a batch stream gave before it ended: its batches, their sizes, the error that ended it. */
export interface Drained {
  batches: RecordBatch[];
  sizes: number[];
  error: Error | undefined;
  /** The batches as one dataset view (throws if there are none). */
  view(): DatasetView;
}

/** Reads a batch stream to its end or its first error, keeping what came before the error. */
export async function drain(stream: AsyncIterable<RecordBatch>): Promise<Drained> {
  const batches: RecordBatch[] = [];
  let error: Error | undefined;
  try {
    for await (const batch of stream) batches.push(batch);
  } catch (caught) {
    error = caught as Error;
  }
  return {
    batches,
    sizes: batches.map((batch) => batch.numRows),
    error,
    view: () => datasetView(new Table(batches)),
  };
}
