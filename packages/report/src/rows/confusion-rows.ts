/** One cell of the confusion matrix chart. */
export interface ConfusionRow {
  /** The true class's name. */
  label: string;
  /** The predicted class's name. */
  predicted: string;
  count: number;
  /** count / samples of this label (0 when the label has none): the row-normalised rate. */
  shareOfLabel: number;
}

/**
 * The K x K confusion matrix (row = true label, column = prediction) as chart rows named by
 * `classNames`, in row-major order.
 *
 * ## Example
 * ```ts
 * confusionRows([0, 1, 1], [0, 1, 0], ['cat', 'dog']);
 * // cat->cat 1 (0.5), cat->dog 1 (0.5), dog->cat 0 (0), dog->dog 1 (1)
 * ```
 */
export function confusionRows(
  predictions: ArrayLike<number>,
  labels: ArrayLike<number>,
  classNames: readonly string[],
): ConfusionRow[] {
  if (predictions.length !== labels.length) {
    throw new Error(
      `confusion matrix: ${predictions.length} predictions for ${labels.length} labels`,
    );
  }
  const k = classNames.length;
  const counts = new Uint32Array(k * k);
  for (let s = 0; s < labels.length; s++) {
    const label = labels[s];
    const prediction = predictions[s];
    if (!(label >= 0 && label < k) || !(prediction >= 0 && prediction < k)) {
      throw new Error(
        `confusion matrix: sample ${s} has label ${label} and prediction ${prediction}; expected 0..${k - 1}`,
      );
    }
    counts[label * k + prediction]++;
  }
  const rows: ConfusionRow[] = [];
  for (let label = 0; label < k; label++) {
    let labelTotal = 0;
    for (let p = 0; p < k; p++) labelTotal += counts[label * k + p];
    for (let p = 0; p < k; p++) {
      const count = counts[label * k + p];
      rows.push({
        label: classNames[label],
        predicted: classNames[p],
        count,
        shareOfLabel: labelTotal === 0 ? 0 : count / labelTotal,
      });
    }
  }
  return rows;
}
