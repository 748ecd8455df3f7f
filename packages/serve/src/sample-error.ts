/** A sample that cannot be predicted: wrong shape, non-numbers, values out of range. */
export class SampleError extends Error {
  override readonly name = 'SampleError';

  constructor(
    message: string,
    /** The sample's id when it could be read, so that the error item can echo it. */
    readonly id?: string | number,
  ) {
    super(message);
  }
}
