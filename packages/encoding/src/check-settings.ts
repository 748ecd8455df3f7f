/** Checks the `tmax` of any encoder: spike times are stored as Uint16 (S4NN-SPEC.md section 1). */
export function checkTmax(encoderName: string, tmax: unknown): number {
  if (typeof tmax !== 'number' || !Number.isInteger(tmax) || tmax < 1 || tmax > 0xffff) {
    throw new RangeError(
      `${encoderName}: tmax must be an integer in [1, 65535], got ${String(tmax)}`,
    );
  }
  return tmax;
}
