import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';

/**
 * Writes a file through a temporary name in the same directory, then renames it, so a reader
 * never sees a half-written file (and a failure leaves any old file intact). `write` gets the
 * temporary path; on failure the temporary file is removed and the error rethrown.
 */
export async function writeAtomically(
  path: string,
  write: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** {@link writeAtomically} for bytes already in memory. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(path, (temporary) => writeFile(temporary, bytes));
}
