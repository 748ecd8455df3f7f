import { readFloats, writeFloat64LE, type FloatLayout } from '../io/float-bytes.js';
import { ModelFileError } from '../model/model-file-error.js';
import { parsePythonLiteral, type PythonDict } from './python-literal.js';

/** An n-dimensional float array in C (row-major) order. */
export interface NdArray {
  shape: readonly number[];
  data: Float64Array;
}

/** An array read from a `.npy` file, widened to float64, with the dtype it was stored as. */
export interface NpyArray extends NdArray {
  shape: number[];
  /** The file's `descr`, e.g. `'<f8'` or `'>f4'`. */
  dtype: string;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
/** numpy pads headers so that the data starts at a multiple of 64 bytes. */
const HEADER_ALIGNMENT = 64;
/** numpy leaves room for the first axis to grow to 21 digits when it writes a header. */
const GROWTH_AXIS_MAX_DIGITS = 21;

const SUPPORTED_DTYPES: Record<string, FloatLayout> = {
  '<f8': { bytesPerValue: 8, littleEndian: true },
  '>f8': { bytesPerValue: 8, littleEndian: false },
  '<f4': { bytesPerValue: 4, littleEndian: true },
  '>f4': { bytesPerValue: 4, littleEndian: false },
};

/** How to turn any list of weight matrices into a file s4nn reads, quoted in errors. */
export const NUMPY_CONVERSION_HINT =
  'convert it in Python with np.savez(f, *[np.asarray(w, dtype=np.float64) for w in W])';

/**
 * Reads a `.npy` file (format versions 1.0, 2.0 and 3.0) holding a float64 or float32 array of
 * either byte order, and returns it as float64 in C order (a Fortran-order array is transposed
 * into C order). Pickled object arrays are refused: unpickling would run code from the file.
 *
 * ## Example
 * ```ts
 * const { shape, data } = readNpy(await readFile('w0.npy'), 'w0.npy'); // shape [400, 28, 28]
 * ```
 *
 * @param bytes The whole file.
 * @param name Named in every error (a file name, or `archive.npz:member.npy`).
 */
export function readNpy(bytes: Uint8Array, name: string): NpyArray {
  const fail = (reason: string): never => {
    throw new ModelFileError(name, reason);
  };
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    fail('not a .npy file (it does not start with "\\x93NUMPY")');
  }
  const [major, minor] = [bytes[6], bytes[7]];
  if (major < 1 || major > 3) {
    fail(`.npy format version ${major}.${minor} is not supported (1.0, 2.0 and 3.0 are)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes)
    fail(`truncated: the header length needs ${8 + lengthBytes} bytes`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) fail(`truncated: the header needs ${dataStart} bytes`);
  // Versions 1 and 2 write the header in latin-1, version 3 in UTF-8.
  const headerBytes = bytes.subarray(headerStart, dataStart);
  const headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);

  let header: PythonDict;
  try {
    const parsed = parsePythonLiteral(headerText.trim());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('the header is not a dict');
    }
    header = parsed;
  } catch (error) {
    return fail(`unreadable .npy header (${(error as Error).message})`);
  }

  const { descr, fortran_order: fortranOrder, shape } = header;
  if (typeof descr !== 'string') {
    return fail(
      `holds a structured array (dtype ${JSON.stringify(descr)}); s4nn reads plain float arrays: ${NUMPY_CONVERSION_HINT}`,
    );
  }
  if (descr.includes('O')) {
    fail(
      `holds a pickled object array (dtype '${descr}'), which s4nn never unpickles; ${NUMPY_CONVERSION_HINT}`,
    );
  }
  const layout = SUPPORTED_DTYPES[descr];
  if (layout === undefined) {
    fail(
      `dtype '${descr}' is not supported: expected float64 ('<f8', '>f8') or float32 ('<f4', '>f4'); ${NUMPY_CONVERSION_HINT}`,
    );
  }
  if (typeof fortranOrder !== 'boolean') fail("the header's 'fortran_order' is not True or False");
  if (
    !Array.isArray(shape) ||
    !shape.every((size) => typeof size === 'number' && Number.isSafeInteger(size) && size >= 0)
  ) {
    fail("the header's 'shape' is not a tuple of sizes");
  }
  const dims = shape as number[];
  const count = dims.reduce((product, size) => product * size, 1);
  const dataLength = count * layout.bytesPerValue;
  const available = bytes.length - dataStart;
  if (available !== dataLength) {
    fail(
      `shape ${describeShape(dims)} of '${descr}' needs ${dataLength} data bytes, the file has ${available} (${available < dataLength ? 'truncated' : 'extra bytes at the end'})`,
    );
  }
  const values = readFloats(bytes, dataStart, count, layout);
  return {
    shape: dims,
    data: fortranOrder ? fortranToCOrder(values, dims) : values,
    dtype: descr,
  };
}

/**
 * Writes `array` as a `.npy` file, float64 little-endian in C order, with the header numpy
 * itself writes (format 1.0, padded to 64 bytes), so `np.load` reads it and the bytes equal
 * `np.save`'s for the same array.
 *
 * ## Example
 * ```ts
 * await writeFile('w1.npy', writeNpy({ shape: [10, 400], data: weights[1] }));
 * ```
 */
export function writeNpy(array: NdArray): Uint8Array {
  const count = array.shape.reduce((product, size) => product * size, 1);
  if (count !== array.data.length) {
    throw new Error(
      `writeNpy: shape ${describeShape(array.shape)} holds ${count} values, the data has ${array.data.length}`,
    );
  }
  const shapeText =
    array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  if (array.shape.length > 0) {
    header += ' '.repeat(GROWTH_AXIS_MAX_DIGITS - String(array.shape[0]).length);
  }
  // Version 1.0 has a 2-byte header length; 2.0 (4 bytes) only when the header outgrows it.
  const major = header.length + HEADER_ALIGNMENT > 0xffff ? 2 : 1;
  const prefixLength = major === 1 ? 10 : 12;
  const padding =
    (HEADER_ALIGNMENT - ((prefixLength + header.length + 1) % HEADER_ALIGNMENT)) % HEADER_ALIGNMENT;
  header += `${' '.repeat(padding)}\n`;

  const bytes = new Uint8Array(prefixLength + header.length + count * 8);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  bytes[6] = major;
  bytes[7] = 0;
  if (major === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[prefixLength + i] = header.charCodeAt(i);
  writeFloat64LE(bytes, prefixLength + header.length, array.data);
  return bytes;
}

/** `400x28x28`, as shapes are written in errors. */
export function describeShape(shape: readonly number[]): string {
  return shape.length === 0 ? '() (a scalar)' : shape.join('x');
}

/**
 * Reorders a Fortran-order (first index fastest) array into C order (last index fastest):
 * walks the C-order positions while keeping the matching Fortran offset up to date.
 */
function fortranToCOrder(source: Float64Array, shape: number[]): Float64Array {
  const rank = shape.length;
  const fortranStrides = new Array<number>(rank);
  let stride = 1;
  for (let axis = 0; axis < rank; axis++) {
    fortranStrides[axis] = stride;
    stride *= shape[axis];
  }
  const index = new Array<number>(rank).fill(0);
  const target = new Float64Array(source.length);
  let fortranOffset = 0;
  for (let c = 0; c < target.length; c++) {
    target[c] = source[fortranOffset];
    for (let axis = rank - 1; axis >= 0; axis--) {
      index[axis]++;
      fortranOffset += fortranStrides[axis];
      if (index[axis] < shape[axis]) break;
      fortranOffset -= fortranStrides[axis] * shape[axis];
      index[axis] = 0;
    }
  }
  return target;
}
