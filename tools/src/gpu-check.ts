/**
 * `node tools/dist/gpu-check.js [mnist-samples]`: the tfjs engine's GPU check in one command.
 * On every tfjs backend present (tensorflow, i.e. tfjs-node-gpu or tfjs-node, when installed;
 * wasm; cpu) it checks agreement with the event engine, then runs the `tfjs` benchmark, and
 * prints both tables. Exit code 1 when an agreement check fails.
 *
 * Agreement checks (issue 6):
 * - integer-weight networks with 1-3 hidden layers: identical firing times and decisions, and
 *   identical training steps (times, targets; errors and weights to float32 precision);
 * - the fixture weights (784-20-10, forward-2layer.json) on MNIST test images: identical
 *   decisions on >= 99.9% of them, every difference explained by a float32 margin.
 *
 * On a machine without CUDA and tfjs-node-gpu it says so and runs on the backends there are.
 */
import { readFileSync } from 'node:fs';
import {
  TFJS_GPU_INSTALL_HINT,
  checkForwardAgreement,
  checkTrainingAgreement,
  createNetwork,
  createSession,
  createTfjsSession,
  installedNativeBackends,
  type Network,
  type NetworkSpec,
} from '@s4nn/core';
import { formatTable, type BenchRow } from './bench/table.js';
import { tfjsBenchRows } from './bench/tfjs.js';
import { copyNetwork, integerNetworkCase } from './tfjs/integer-networks.js';
import { mnistTestSpikeTimes } from './tfjs/mnist-spike-times.js';
import { tfjsBackendsHere } from './tfjs/tfjs-backends-here.js';

const FIXTURE = new URL('../../packages/core/test/fixtures/forward-2layer.json', import.meta.url);
const INTEGER_CASES = 20;

/** The fixture network (config and weights of forward-2layer.json; layout in its README). */
function fixtureNetwork(): Network {
  const json = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    config: { layer_sizes: number[]; input_shape: number[]; thresholds: number[]; tmax: number };
    weights: number[][][];
  };
  const { config } = json;
  const spec: NetworkSpec = {
    inputShape: config.input_shape,
    tmax: config.tmax,
    gamma: 3,
    layers: config.layer_sizes.slice(1).map((size, l) => ({
      size,
      threshold: config.thresholds[l],
      initRange: [0, 1] as [number, number],
      learningRate: 0.2,
      weightDecay: 1e-6,
      dropout: 0,
    })),
  };
  return createNetwork(
    spec,
    json.weights.map((rows) => Float64Array.from(rows.flat())),
  );
}

interface CheckRow {
  backend: string;
  check: string;
  result: string;
  passed: boolean;
}

async function integerChecks(backend: 'tensorflow' | 'wasm' | 'cpu'): Promise<CheckRow[]> {
  const rows: CheckRow[] = [];
  for (let hidden = 1; hidden <= 3; hidden++) {
    let samples = 0;
    let identical = 0;
    let steps = 0;
    let mismatches = 0;
    let weightDifference = 0;
    for (let c = 0; c < INTEGER_CASES; c++) {
      const testCase = integerNetworkCase(1000 * hidden + c, hidden, 8);
      const event = await createSession(copyNetwork(testCase.network), { engine: 'event' });
      const tfjs = await createTfjsSession(copyNetwork(testCase.network), { backend });
      const forward = checkForwardAgreement(event, tfjs, testCase.inputs);
      samples += forward.samples;
      identical += Math.min(forward.identicalTimes, forward.identicalDecisions);
      const training = checkTrainingAgreement(
        event,
        tfjs,
        testCase.network.weights,
        testCase.inputs,
        testCase.labels,
      );
      steps += training.steps;
      mismatches += training.integerMismatches;
      weightDifference = Math.max(weightDifference, training.maxWeightDifference);
      await tfjs.dispose();
      await event.dispose();
    }
    rows.push({
      backend,
      check: `integer weights, ${hidden} hidden: forward`,
      result: `${identical}/${samples} identical times and decisions`,
      passed: identical === samples,
    });
    rows.push({
      backend,
      check: `integer weights, ${hidden} hidden: train step`,
      result: `${steps - mismatches}/${steps} identical; max weight diff ${weightDifference.toExponential(1)}`,
      passed: mismatches === 0 && weightDifference < 1e-5,
    });
  }
  return rows;
}

async function fixtureCheck(
  backend: 'tensorflow' | 'wasm' | 'cpu',
  inputs: Uint16Array,
): Promise<CheckRow> {
  const event = await createSession(fixtureNetwork(), { engine: 'event' });
  const tfjs = await createTfjsSession(fixtureNetwork(), { backend });
  const report = checkForwardAgreement(event, tfjs, inputs);
  await tfjs.dispose();
  await event.dispose();
  const share = report.identicalDecisions / report.samples;
  const margins = report.differences.map((d) => d.explanation.margin.toExponential(1)).join(', ');
  return {
    backend,
    check: `fixture weights 784-20-10, MNIST test x ${report.samples}`,
    result:
      `${(100 * share).toFixed(2)}% identical decisions, ${report.differences.length} differing` +
      (report.differences.length > 0
        ? ` (margins ${margins}), ${report.unexplained} unexplained`
        : ''),
    passed: share >= 0.999 && report.unexplained === 0,
  };
}

async function main(): Promise<void> {
  const native = installedNativeBackends();
  const backends = tfjsBackendsHere();
  if (native.some((candidate) => candidate.gpu)) {
    console.log(
      `GPU check: ${native[0].name} is installed; the tensorflow backend runs on CUDA if TensorFlow finds a GPU.`,
    );
  } else {
    console.log(
      `GPU check: no GPU backend present (@tensorflow/tfjs-node-gpu is not installed; ${TFJS_GPU_INSTALL_HINT}).` +
        ` Running on: ${backends.join(', ')}.`,
    );
  }
  const requested = Number(process.argv[2] ?? '');
  const checks: CheckRow[] = [];
  for (const backend of backends) {
    console.error(`gpu-check: ${backend}...`);
    const probe = await createTfjsSession(fixtureNetwork(), { backend });
    const gpu = probe.info.gpu;
    await probe.dispose();
    // The dense cpu backend is slow; a GPU takes the whole test set.
    const mnistCount = requested > 0 ? requested : gpu ? 10000 : backend === 'cpu' ? 200 : 1000;
    const { inputs } = await mnistTestSpikeTimes(mnistCount);
    checks.push(...(await integerChecks(backend)));
    checks.push(await fixtureCheck(backend, inputs));
  }
  const header = ['backend', 'check', 'result', 'pass'];
  const cells = checks.map((c) => [c.backend, c.check, c.result, c.passed ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(
    ['', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n'),
  );
  const bench: BenchRow[] = await tfjsBenchRows(backends);
  console.log(`\n${formatTable(bench)}`);
  if (checks.some((c) => !c.passed)) process.exit(1);
}

await main();
