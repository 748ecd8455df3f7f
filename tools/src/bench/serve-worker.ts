/**
 * The bench's server, in a worker thread so that it has an event loop of its own, apart from
 * the load generator's: `workerData` is the model directory; posts the URL, closes on any message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadModel } from '@s4nn/core';
import { createServer } from '@s4nn/serve';

if (parentPort !== null) {
  const port = parentPort;
  const server = await createServer(await loadModel(workerData as string));
  port.postMessage(await server.listen());
  port.once('message', () => {
    void server.close().then(() => port.close());
  });
}
