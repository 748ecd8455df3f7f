/**
 * Number formats shared by the training table and the evaluation summary.
 *
 * @example
 * ```ts
 * percent(0.8731); // '87.31%'
 * ```
 */
export function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** Seconds with one decimal below a minute, else minutes and seconds: `31.2 s`, `2 min 05 s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** A network's shape as the paper writes it: `784-400-10`. */
export function networkShape(inputWidth: number, layerSizes: readonly number[]): string {
  return [inputWidth, ...layerSizes].join('-');
}
