/**
 * What an S4NN network is, independent of its weights and of the engine that runs it
 * (S4NN-SPEC.md sections 2-5). Plain data: it round-trips through JSON unchanged.
 */
export interface LayerSpec {
  /** Number of neurons N_l. */
  size: number;
  /** Firing threshold theta_l >= 0: a neuron fires when its potential is strictly greater. */
  threshold: number;
  /** Initial weights are drawn uniformly from `[a, b)` (spec 5), and so are re-drawn dead neurons'. */
  initRange: [number, number];
  /** Learning rate lr_l of this layer's weights (spec 4). */
  learningRate: number;
  /** Weight decay lambda_l: after each update `W -= lr_l * lambda_l * W` (spec 4). */
  weightDecay: number;
  /** Rate at which this layer's *inputs* are silenced (moved to tmax) in training passes; 0 = off. */
  dropout: number;
}

export interface NetworkSpec {
  /** Shape of one input sample, e.g. `[28, 28]`; the input width D is the product. */
  inputShape: number[];
  /** T: time runs over the steps 0..T, and a spike at T means "no spike" (spec 1-2). */
  tmax: number;
  /** Target margin gamma of the relative targets (spec 4.2). */
  gamma: number;
  /** The weighted layers, lowest first; the last one is the output layer (one neuron per class). */
  layers: LayerSpec[];
}

/**
 * One Float64Array per weighted layer, row-major `[N_l, N_{l-1}]`: `weights[l][j * nIn + i]` is the
 * weight from neuron (or input) i of the layer below to neuron j of layer l. Float64 because the
 * reference's threshold margins go down to 1e-6, below float32 resolution.
 */
export type Weights = Float64Array[];
