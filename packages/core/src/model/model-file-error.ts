/**
 * A model directory (or NumPy weights file) that cannot be read or written as asked. The message
 * starts with the file it is about; `file` holds that path for programs (the CLI maps it to an
 * exit code).
 */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';

  constructor(
    readonly file: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}
