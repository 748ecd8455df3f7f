import { bundledMnist, datasetView } from '@s4nn/data';
import { latency } from '@s4nn/encoding';

/** The first `count` MNIST test images as latency codes (tmax 256) and their digits. */
export async function mnistTestSpikeTimes(
  count: number,
): Promise<{ inputs: Uint16Array; digits: Int32Array }> {
  const view = datasetView(await bundledMnist('test'));
  const rows = Math.min(count, view.count);
  const encoder = latency({ tmax: 256, maxValue: 255 });
  return {
    inputs: encoder.encodeMatrix(view.features.subarray(0, rows * view.width), view.width),
    digits: view.labels.subarray(0, rows),
  };
}
