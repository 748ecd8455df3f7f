/**
 * The one error type of @s4nn/data: bad input names the file, where in it (a line, a record
 * batch, a byte offset) and what was wrong, so a user can open the file and fix it.
 *
 * @example
 * ```ts
 * try { await readDataset('train.csv'); }
 * catch (e) { if (e instanceof DatasetError) console.error(e.file, e.where, e.reason); }
 * ```
 */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  /**
   * @param file the path (or a description such as `<buffer>`) of the offending input
   * @param where the location in it, e.g. `line 12`, `record batch 3`, `byte 16`; '' if none applies
   * @param reason what was wrong and what was expected
   */
  constructor(
    readonly file: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(where ? `${file}, ${where}: ${reason}` : `${file}: ${reason}`);
  }
}
