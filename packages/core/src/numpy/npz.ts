import { unzipSync, zipSync, type Zippable } from 'fflate';
import { ModelFileError } from '../model/model-file-error.js';
import { readNpy, writeNpy, type NdArray, type NpyArray } from './npy.js';

/**
 * A fixed modification time for every member, so that the same arrays always give the same
 * bytes (zip cannot store dates before 1980).
 */
const MEMBER_TIME = new Date(Date.UTC(1980, 0, 1));

/**
 * Reads an `.npz` archive (as `np.savez` or `np.savez_compressed` write it: members stored or
 * deflated, with or without zip64 records) into its arrays, keyed by name without `.npy`, in
 * archive order. Every member must be a float `.npy` array (see {@link readNpy}).
 *
 * ## Example
 * ```ts
 * const arrays = readNpz(await readFile('W.npz'), 'W.npz');
 * arrays.get('arr_0')?.shape; // [400, 28, 28]
 * ```
 *
 * @param bytes The whole file.
 * @param fileName Named in every error.
 */
export function readNpz(bytes: Uint8Array, fileName: string): Map<string, NpyArray> {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch (error) {
    throw new ModelFileError(
      fileName,
      `not a readable .npz (zip) file (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  const arrays = new Map<string, NpyArray>();
  for (const [memberName, memberBytes] of Object.entries(members)) {
    if (memberName.endsWith('/')) continue; // a directory entry holds nothing
    if (!memberName.endsWith('.npy')) {
      throw new ModelFileError(fileName, `member '${memberName}' is not a .npy array`);
    }
    arrays.set(
      memberName.slice(0, -'.npy'.length),
      readNpy(memberBytes, `${fileName}:${memberName}`),
    );
  }
  return arrays;
}

/**
 * Writes arrays as an `.npz` archive that `np.load` reads: one stored (uncompressed) float64
 * `.npy` member per entry, in the order given. The same arrays always give the same bytes.
 *
 * ## Example
 * ```ts
 * const npz = writeNpz([['arr_0', { shape: [3, 4], data }]]);
 * ```
 */
export function writeNpz(arrays: Iterable<readonly [name: string, array: NdArray]>): Uint8Array {
  const members: Zippable = {};
  for (const [name, array] of arrays) {
    members[`${name}.npy`] = [writeNpy(array), { level: 0, mtime: MEMBER_TIME }];
  }
  return zipSync(members);
}
