/**
 * A deliberately plain S4NN reference for property tests: a dense time axis with cumulative sums
 * over every step 0..tmax-1 (the published code's formulation), row-major weights, the training
 * rule written out literally from S4NN-SPEC.md section 4 (decay as `W -= (lr * lambda) * W`).
 * Slow and obvious; shares no code with the engines on purpose.
 */
import type { NetworkSpec, Weights } from '../spec/network-spec.js';

export interface DenseForward {
  /** Firing times per layer. */
  times: number[][];
  /** Output potentials V_k(t) for every step t = 0..tmax-1 (dense). */
  outputPotentials: number[][];
}

export function denseForward(
  spec: NetworkSpec,
  weights: Weights,
  input: ArrayLike<number>,
): DenseForward {
  const tmax = spec.tmax;
  let pre = Array.from(input);
  const times: number[][] = [];
  let outputPotentials: number[][] = [];
  spec.layers.forEach((layer, l) => {
    const nIn = pre.length;
    const potentials: number[][] = [];
    const fired: number[] = [];
    for (let j = 0; j < layer.size; j++) {
      const series: number[] = [];
      let firing = tmax;
      for (let t = 0; t < tmax; t++) {
        let v = 0;
        for (let i = 0; i < nIn; i++) if (pre[i] <= t) v += weights[l][j * nIn + i];
        series.push(v);
        if (firing === tmax && v > layer.threshold) firing = Math.min(t + 1, tmax);
      }
      potentials.push(series);
      fired.push(firing);
    }
    times.push(fired);
    outputPotentials = potentials;
    pre = fired;
  });
  return { times, outputPotentials };
}

/** Spec 3's decision from a dense forward pass. */
export function denseDecision(
  spec: NetworkSpec,
  forward: DenseForward,
): { prediction: number; lowestIndex: number; time: number } {
  const tmax = spec.tmax;
  const out = forward.times[forward.times.length - 1];
  const m = Math.min(...out);
  if (m === tmax) {
    const v = forward.outputPotentials.map((series) => series[tmax - 3]);
    const best = v.indexOf(Math.max(...v));
    return { prediction: best, lowestIndex: best, time: tmax };
  }
  const tied = out.map((t, k) => (t === m ? k : -1)).filter((k) => k >= 0);
  let best = tied[0];
  for (const k of tied)
    if (forward.outputPotentials[k][m - 1] > forward.outputPotentials[best][m - 1]) best = k;
  return { prediction: best, lowestIndex: tied[0], time: m };
}

export interface DenseTrainStep {
  forward: DenseForward;
  targets: number[];
  deltas: number[][];
}

/** One training step of spec 4 on `weights` (updated in place), no dropout. */
export function denseTrainStep(
  spec: NetworkSpec,
  weights: Weights,
  input: ArrayLike<number>,
  label: number,
): DenseTrainStep {
  const tmax = spec.tmax;
  const forward = denseForward(spec, weights, input);
  const L = spec.layers.length;
  const out = forward.times[L - 1];
  const tau = Math.min(...out);
  let targets: number[];
  if (tau === tmax) {
    targets = out.map(() => tmax);
    targets[label] = tmax - spec.gamma;
  } else {
    targets = out.map((t) => (t - tau < spec.gamma ? Math.min(tau + spec.gamma, tmax) : t));
    targets[label] = tau;
  }
  const normalise = (e: number[]) => {
    const norm = Math.sqrt(e.reduce((sum, x) => sum + x * x, 0));
    return norm !== 0 ? e.map((x) => x / norm) : e;
  };
  const deltas: number[][] = new Array(L);
  let delta = normalise(targets.map((target, k) => (target - out[k]) / tmax));
  for (let l = L - 1; l >= 0; l--) {
    deltas[l] = delta;
    const layer = spec.layers[l];
    const pre = l === 0 ? Array.from(input) : forward.times[l - 1];
    const post = forward.times[l];
    const nIn = pre.length;
    const w = weights[l];
    for (let j = 0; j < layer.size; j++) {
      for (let i = 0; i < nIn; i++)
        if (pre[i] < post[j]) w[j * nIn + i] -= layer.learningRate * delta[j];
    }
    const decay = layer.learningRate * layer.weightDecay;
    for (let k = 0; k < w.length; k++) w[k] -= decay * w[k];
    if (l > 0) {
      const below: number[] = [];
      for (let i = 0; i < nIn; i++) {
        let e = 0;
        for (let j = 0; j < layer.size; j++) if (pre[i] < post[j]) e += delta[j] * w[j * nIn + i];
        below.push(e);
      }
      delta = normalise(below);
    }
  }
  return { forward, targets, deltas };
}
