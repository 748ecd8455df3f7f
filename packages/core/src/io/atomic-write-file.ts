import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `data` to `filePath` so that a reader (or a crash) sees either the old file or the
 * complete new one, never a half-written file: the bytes go to a temporary file beside the
 * target, are flushed to disk, and the temporary file is renamed over the target (a rename
 * within one directory is atomic on POSIX file systems and on NTFS).
 *
 * On failure the temporary file is removed and the target is left as it was.
 *
 * ## Example
 * ```ts
 * await atomicWriteFile('runs/a/checkpoint.json', JSON.stringify(state));
 * ```
 *
 * @param filePath The file to create or replace; its directory must exist.
 * @param data The complete new contents (a string is written as UTF-8).
 */
export async function atomicWriteFile(filePath: string, data: Uint8Array | string): Promise<void> {
  const temporaryPath = temporaryNameFor(filePath);
  try {
    const handle = await fs.open(temporaryPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporaryPath, filePath);
  } catch (error) {
    await fs.rm(temporaryPath, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(filePath));
}

/**
 * A fresh hidden name beside `filePath` (`.name.<random>.tmp`), so that concurrent writers never
 * share a temporary file and a leftover is easy to recognise.
 */
function temporaryNameFor(filePath: string): string {
  const suffix = randomBytes(6).toString('hex');
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${suffix}.tmp`);
}

/**
 * Flushes the directory entry of the rename, so that the new name survives a power loss. Some
 * platforms (Windows) cannot open a directory for syncing; there the rename is as durable as
 * the file system makes it, and that is not an error.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // see the doc comment: best effort by design
  } finally {
    await handle?.close();
  }
}
