import { DatasetError } from './dataset-error.js';
import { readNumericCsv } from './numeric-csv.js';
import { checkLabel } from './row-errors.js';

/**
 * Reads a labels CSV of the notebook's layout (header row, then one integer label per row).
 * Labels are small (4 bytes a sample), so they are read whole.
 */
export async function readLabelCsv(path: string): Promise<Int32Array> {
  let labels = new Int32Array(1024);
  let count = 0;
  await readNumericCsv(path, (values, fieldCount, line) => {
    if (fieldCount !== 1) {
      throw new DatasetError(
        path,
        `line ${line}`,
        `ragged row: ${fieldCount} values, expected 1 label`,
      );
    }
    checkLabel(values[0], path, line);
    if (count === labels.length) {
      const grown = new Int32Array(labels.length * 2);
      grown.set(labels);
      labels = grown;
    }
    labels[count++] = values[0];
  });
  return labels.slice(0, count);
}
