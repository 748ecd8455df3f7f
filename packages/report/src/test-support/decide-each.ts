import { createForwardResult, createNetwork, createSession, type S4nnModel } from '@s4nn/core';
import type { TestSet } from '../run/test-set.js';

/** Decisions of `model` on every test sample, one `forward` call each (an independent path to the batch). */
export async function decideEach(
  model: S4nnModel,
  testSet: TestSet,
): Promise<{ predictions: number[]; decisionTimes: number[] }> {
  const session = await createSession(createNetwork(model.spec, model.weights), {
    engine: 'event',
  });
  const result = createForwardResult(model.spec);
  const predictions: number[] = [];
  const decisionTimes: number[] = [];
  for (let s = 0; s < testSet.count; s++) {
    session.forward(
      testSet.spikeTimes.subarray(s * testSet.width, (s + 1) * testSet.width),
      result,
    );
    predictions.push(result.prediction);
    decisionTimes.push(result.decisionTime);
  }
  await session.dispose();
  return { predictions, decisionTimes };
}
