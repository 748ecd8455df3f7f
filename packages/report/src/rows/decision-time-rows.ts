/** One bin of the decision-time histogram. */
export interface DecisionTimeBin {
  /** First time step of the bin. */
  binStart: number;
  /** One past the last time step of the bin. */
  binEnd: number;
  /** Test samples whose decision time falls in the bin. */
  count: number;
  /** Of those, how many were decided correctly (strict, spec 3). */
  correct: number;
  /** correct / count (0 for an empty bin). */
  accuracy: number;
}

/** One point of the early-decision trade-off: what stopping the network at `time` would give. */
export interface TradeOffRow {
  /** Decision deadline: samples decided at a time < `time` count as decided. */
  time: number;
  /** Share of all samples decided before the deadline. */
  decidedShare: number;
  /** Share of all samples decided before the deadline *and* correctly. */
  correctShare: number;
}

/** A batch's decisions, as `EngineSession.evaluate` returns them (`BatchResult`). */
export interface Decisions {
  count: number;
  predictions: ArrayLike<number>;
  decisionTimes: ArrayLike<number>;
}

/**
 * The histogram of decision times (spec 3: the winner's firing time, `tmax` when no output neuron
 * fired) in bins of `binWidth` steps over `0..tmax`, with the strict accuracy within each bin.
 *
 * ## Example
 * ```ts
 * decisionTimeHistogram({ count: 2, predictions: [0, 1], decisionTimes: [3, 12] }, [0, 0], 16, 8);
 * // [{ binStart: 0, binEnd: 8, count: 1, correct: 1, accuracy: 1 }, { binStart: 8, binEnd: 16, count: 1, correct: 0, accuracy: 0 },
 * //  { binStart: 16, binEnd: 17, count: 0, correct: 0, accuracy: 0 }]
 * ```
 */
export function decisionTimeHistogram(
  decisions: Decisions,
  labels: ArrayLike<number>,
  tmax: number,
  binWidth: number,
): DecisionTimeBin[] {
  checkDecisions(decisions, labels, binWidth);
  const binCount = Math.floor(tmax / binWidth) + 1; // the last bin holds time tmax (no spike)
  const counts = new Uint32Array(binCount);
  const correct = new Uint32Array(binCount);
  for (let s = 0; s < decisions.count; s++) {
    const bin = Math.floor(decisions.decisionTimes[s] / binWidth);
    counts[bin]++;
    if (decisions.predictions[s] === labels[s]) correct[bin]++;
  }
  return Array.from(counts, (count, bin) => ({
    binStart: bin * binWidth,
    binEnd: Math.min((bin + 1) * binWidth, tmax + 1),
    count,
    correct: correct[bin],
    accuracy: count === 0 ? 0 : correct[bin] / count,
  }));
}

/**
 * The early-decision trade-off of S4NN: for each deadline `binWidth, 2 binWidth, ..., tmax + 1`,
 * the share of samples the network has decided by then and the share decided correctly. The last
 * row (deadline past tmax) includes the fallback's decisions, so its `correctShare` is the strict
 * accuracy.
 */
export function decisionTradeOff(
  decisions: Decisions,
  labels: ArrayLike<number>,
  tmax: number,
  binWidth: number,
): TradeOffRow[] {
  const bins = decisionTimeHistogram(decisions, labels, tmax, binWidth);
  const total = decisions.count;
  let decided = 0;
  let correct = 0;
  return bins.map((bin) => {
    decided += bin.count;
    correct += bin.correct;
    return {
      time: bin.binEnd,
      decidedShare: total === 0 ? 0 : decided / total,
      correctShare: total === 0 ? 0 : correct / total,
    };
  });
}

function checkDecisions(decisions: Decisions, labels: ArrayLike<number>, binWidth: number): void {
  if (labels.length !== decisions.count) {
    throw new Error(`decision times: ${labels.length} labels for ${decisions.count} samples`);
  }
  if (!Number.isInteger(binWidth) || binWidth < 1) {
    throw new Error(`decision times: binWidth must be an integer >= 1, got ${binWidth}`);
  }
}
