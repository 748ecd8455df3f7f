import type { LayerSpec, NetworkSpec } from './network-spec.js';

/**
 * The paper's MNIST network (spec 7): 784-400-10, thresholds 100, initial weights uniform in
 * [0, 5) and [0, 48), lr 0.2, lambda 1e-6, gamma 3, tmax 256, no dropout.
 */
export function paperMnistSpec(): NetworkSpec {
  return {
    inputShape: [28, 28],
    tmax: 256,
    gamma: 3,
    layers: [referenceLayer(400, 5), referenceLayer(10, 48)],
  };
}

/** The seed notebook's network (spec 7): 100-40-40-6 on 10x10 inputs, init bounds 5, 48, 96. */
export function notebookSpec(): NetworkSpec {
  return {
    inputShape: [10, 10],
    tmax: 256,
    gamma: 3,
    layers: [referenceLayer(40, 5), referenceLayer(40, 48), referenceLayer(6, 96)],
  };
}

function referenceLayer(size: number, initUpperBound: number): LayerSpec {
  return {
    size,
    threshold: 100,
    initRange: [0, initUpperBound],
    learningRate: 0.2,
    weightDecay: 1e-6,
    dropout: 0,
  };
}
