/**
 * What the serve package reads and writes. A sample (an HTTP body, an NDJSON line, an item of the
 * `predict` operator) is `{ "values": [...] }` (raw values, row-major, encoded by the model's
 * encoder), `{ "times": [...] }` (spike times in 0..tmax), either with an optional `"id"` echoed
 * back, or a bare array of numbers (read as `values`).
 */

/** A sample's optional identifier, echoed in its prediction. */
export type SampleId = string | number;

/** The answer for one sample (spec 3 decision and spec 6 spike count). */
export interface Prediction {
  /** Position of the sample in its stream or request, from 0. */
  index: number;
  id?: SampleId;
  /** The output neuron that won (spec 3: earliest spike, ties by margin, then lowest index). */
  prediction: number;
  /** The class name of that neuron (the model's `classes.names`). */
  class: string;
  /** The winner's firing time, or tmax when no output neuron fired. */
  decisionTime: number;
  /** Output firing times (with early exit: as far as simulated, tmax for neurons not fired by then). */
  outputTimes: number[];
  /** Spikes of the pass, hidden and output layers (with early exit: those needed to decide). */
  spikes: number;
  /** True when no output neuron fired and the fallback argmax V(tmax - 3) decided. */
  fallback: boolean;
}

/** A sample that could not be predicted; the stream it came in goes on. */
export interface PredictionError {
  index: number;
  id?: SampleId;
  /** What was wrong, naming the field and index. */
  error: string;
  /** The input line (from 1) of an NDJSON stream. */
  line?: number;
}

/** One output item of the operator and the endpoints. */
export type PredictionItem = Prediction | PredictionError;

/** Whether `item` is an error item. */
export function isPredictionError(item: PredictionItem): item is PredictionError {
  return 'error' in item;
}
