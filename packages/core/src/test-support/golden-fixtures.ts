/**
 * Loads the golden fixtures of /work/shared/fixtures (copied to packages/core/test/fixtures) as
 * s4nn specs, weights and spike times. The fixtures' layout is described in their README.
 */
import { readFileSync } from 'node:fs';
import type { NetworkSpec, Weights } from '../spec/network-spec.js';

const fixtureDirectory = new URL('../../test/fixtures/', import.meta.url);

interface FixtureConfig {
  layer_sizes: number[];
  input_shape: number[];
  thresholds: number[];
  tmax: number;
  lr?: number[];
  lamda?: number[];
  gamma?: number;
}

export interface ForwardFixtureSample {
  label: number;
  input_times: number[];
  firing_times: number[][];
  v_out_at_tmax_minus_3: number[];
  min_output_time: number;
  no_output_spike: boolean;
  earliest_output_tie: boolean;
  decision: number;
  decision_margin: number;
  potential_at_crossing?: number[];
  published_correct: boolean;
}

export interface TrainFixtureSample {
  step: number;
  label: number;
  input_times: number[];
  firing_times: number[][];
  target: number[];
  delta: number[][];
}

export interface ForwardFixture {
  spec: NetworkSpec;
  weights: Weights;
  samples: ForwardFixtureSample[];
}

export interface TrainFixture {
  spec: NetworkSpec;
  initialWeights: Weights;
  samples: TrainFixtureSample[];
  weightsAfter: Map<number, Weights>;
}

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, fixtureDirectory), 'utf8')) as Record<
    string,
    unknown
  >;
}

function specOf(config: FixtureConfig): NetworkSpec {
  return {
    inputShape: config.input_shape,
    tmax: config.tmax,
    gamma: config.gamma ?? 3,
    layers: config.layer_sizes.slice(1).map((size, l) => ({
      size,
      threshold: config.thresholds[l],
      initRange: [0, 1],
      learningRate: config.lr?.[l] ?? 0,
      weightDecay: config.lamda?.[l] ?? 0,
      dropout: 0,
    })),
  };
}

/** Row-major Float64Arrays from the fixtures' nested `[rows][cols]` matrices. */
export function weightsOf(matrices: number[][][]): Weights {
  return matrices.map((rows) => Float64Array.from(rows.flat()));
}

export function loadForwardFixture(): ForwardFixture {
  const json = readJson('forward-2layer.json');
  return {
    spec: specOf(json.config as FixtureConfig),
    weights: weightsOf(json.weights as number[][][]),
    samples: json.samples as ForwardFixtureSample[],
  };
}

export function loadTrainFixture(
  name: 'train-2layer' | 'train-3layer' | 'train-3layer-thr50',
): TrainFixture {
  const json = readJson(`${name}.json`);
  const after = json.weights_after as { step: number; weights: number[][][] }[];
  return {
    spec: specOf(json.config as FixtureConfig),
    initialWeights: weightsOf(json.initial_weights as number[][][]),
    samples: json.samples as TrainFixtureSample[],
    weightsAfter: new Map(after.map((entry) => [entry.step, weightsOf(entry.weights)])),
  };
}
