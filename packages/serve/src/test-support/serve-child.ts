/**
 * A server in a child process, for the SIGTERM test: `serve-child.ts <model dir>` prints its URL,
 * then on SIGTERM stops accepting, finishes the requests in flight and exits 0, as `s4nn serve`.
 */
import { loadModel } from '@s4nn/core';
import { createServer } from '../server.js';

const server = await createServer(await loadModel(process.argv[2]));
process.once('SIGTERM', () => {
  console.log('closing');
  server.close().then(
    () => console.log('closed'),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
});
console.log(await server.listen());
