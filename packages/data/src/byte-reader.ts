import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DatasetError } from './dataset-error.js';

/** Sequential reads from a file, plain or gzipped (told by its first two bytes). */
export interface ByteReader {
  /** Fills `target` from the current position; returns the bytes read (fewer only at the end). */
  readInto(target: Uint8Array): Promise<number>;
  /** Reads to the end and returns how many bytes were left. */
  countRest(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens `path` for sequential reading with bounded memory: a plain file through a file handle
 * (read straight into the caller's array, no copy), a gzipped one through zlib's streaming
 * gunzip. Corrupt gzip data fails with a {@link DatasetError} naming the file.
 *
 * @example
 * ```ts
 * const reader = await openBytes('train-images-idx3-ubyte.gz');
 * try { const got = await reader.readInto(header); } finally { await reader.close(); }
 * ```
 */
export async function openBytes(path: string): Promise<ByteReader> {
  const handle = await open(path, 'r');
  const magic = new Uint8Array(2);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(magic, 0, 2, 0));
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b) {
    await handle.close();
    return gunzipReader(path);
  }
  return fileReader(handle);
}

function fileReader(handle: FileHandle): ByteReader {
  const readInto = async (target: Uint8Array) => {
    let filled = 0;
    while (filled < target.length) {
      const { bytesRead } = await handle.read(target, filled, target.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled;
  };
  return { readInto, countRest: () => countRest(readInto), close: () => handle.close() };
}

function gunzipReader(path: string): ByteReader {
  const gunzip = pipeline(createReadStream(path), createGunzip(), () => undefined);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Uint8Array = new Uint8Array(0);
  const readInto = async (target: Uint8Array) => {
    let filled = 0;
    while (filled < target.length) {
      if (pending.length === 0) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw new DatasetError(
            path,
            '',
            `corrupt or truncated gzip data: ${(error as Error).message}`,
          );
        }
        if (next.done) break;
        pending = next.value;
      }
      const take = Math.min(pending.length, target.length - filled);
      target.set(pending.subarray(0, take), filled);
      pending = pending.subarray(take);
      filled += take;
    }
    return filled;
  };
  return {
    readInto,
    countRest: () => countRest(readInto),
    close: async () => void gunzip.destroy(),
  };
}

async function countRest(readInto: (target: Uint8Array) => Promise<number>): Promise<number> {
  const scratch = new Uint8Array(1 << 16);
  let total = 0;
  for (;;) {
    const got = await readInto(scratch);
    total += got;
    if (got < scratch.length) return total;
  }
}
