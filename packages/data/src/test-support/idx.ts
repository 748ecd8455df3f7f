/** Bytes of an IDX file of unsigned bytes with the given dimensions and data. */
export function idxBytes(dims: number[], data: ArrayLike<number>): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint8(2, 0x08);
  header.setUint8(3, dims.length);
  dims.forEach((d, k) => header.setUint32(4 + 4 * k, d, false));
  const bytes = new Uint8Array(header.byteLength + data.length);
  bytes.set(new Uint8Array(header.buffer), 0);
  bytes.set(Uint8Array.from(data), header.byteLength);
  return bytes;
}
