/** How one floating-point value is laid out in a file. */
export interface FloatLayout {
  bytesPerValue: 4 | 8;
  littleEndian: boolean;
}

/**
 * Reads `count` floats laid out as `layout` from `bytes` at `byteOffset` into a new Float64Array
 * (float32 values widen exactly). A DataView read works at any alignment and on hosts of either
 * byte order.
 */
export function readFloats(
  bytes: Uint8Array,
  byteOffset: number,
  count: number,
  layout: FloatLayout,
): Float64Array {
  const view = new DataView(
    bytes.buffer,
    bytes.byteOffset + byteOffset,
    count * layout.bytesPerValue,
  );
  const values = new Float64Array(count);
  if (layout.bytesPerValue === 8) {
    for (let i = 0; i < count; i++) values[i] = view.getFloat64(i * 8, layout.littleEndian);
  } else {
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4, layout.littleEndian);
  }
  return values;
}

/** Writes `values` as little-endian float64 into `bytes` at `byteOffset`. */
export function writeFloat64LE(bytes: Uint8Array, byteOffset: number, values: Float64Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, values.length * 8);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
}
