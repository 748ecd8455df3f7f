/**
 * A mistake in how the command was called (a bad flag value, a missing file): the CLI exits
 * with status 2 instead of 1, and prints the message alone.
 *
 * @example
 * ```ts
 * if (!existsSync(path)) throw new UsageError(`file not found: ${path}`);
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
