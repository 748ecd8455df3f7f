import { statSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** Throws a {@link UsageError} naming the first path that is not an existing file. */
export function requireFiles(paths: readonly string[]): void {
  for (const path of paths) {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) throw new UsageError(`file not found: ${path}`);
    if (!stats.isFile()) throw new UsageError(`not a file: ${path}`);
  }
}
