import type { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { EngineInfo, S4nnModel } from '@s4nn/core';
import { ServeMetrics } from './metrics.js';
import { predictNdjson } from './predict-ndjson.js';
import type { PredictionItem } from './prediction.js';
import { createPredictor } from './predictor.js';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** Interface to bind (default `127.0.0.1`: reachable from this machine only). */
  host?: string;
  /** Port (default 0: any free port; see `S4nnServer.url`). */
  port?: number;
  /** Worker threads per batch (default 0: the event loop's thread). */
  threads?: number;
  /** Early-exit inference: same decisions, output times up to the decision only. */
  earlyExit?: boolean;
  /** Largest JSON body, and longest NDJSON line, in bytes (default 1 MiB). Over it: 413. */
  bodyLimit?: number;
  /** A connection with no traffic either way for this long is closed, freeing its stream (default 30 s). */
  idleTimeoutMs?: number;
  /** Stream batching: most samples per batch (default 64). */
  batchSize?: number;
  /** Stream batching: longest wait of a sample for its batch, in ms (default 2). */
  maxDelayMs?: number;
  /** The engine to run (default: the best available). */
  engine?: string;
  /** The engine's compute backend (tfjs: `auto`, `tensorflow`, `wasm`, `cpu`); default: the engine picks. */
  backend?: string;
}

/** A prediction server, started and stopped by its owner (the CLI, a test). */
export interface S4nnServer {
  /** The fastify instance (for `inject` in tests and extra hooks). */
  readonly app: FastifyInstance;
  /** What the model runs on: engine, backend and device. */
  readonly engineInfo: EngineInfo;
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:8080`. */
  listen(): Promise<string>;
  /** Stops accepting connections, finishes the requests in flight, then frees the engine. */
  close(): Promise<void>;
}

/**
 * An HTTP server for `model`:
 * - `POST /v1/predict`: one sample, or an array of samples, as JSON; answers with the
 *   prediction (400 with an error item for a bad sample) or the array of items.
 * - `POST /v1/predict/stream`: NDJSON in, NDJSON out, one line per input line, as soon as ready.
 * - `GET /v1/model`, `GET /healthz`, `GET /metrics` (Prometheus text).
 *
 * ## Example
 * ```ts
 * const server = await createServer(await loadModel('models/mnist'), { port: 8080 });
 * console.log(await server.listen()); // http://127.0.0.1:8080
 * process.once('SIGTERM', () => void server.close());
 * ```
 */
export async function createServer(
  model: S4nnModel,
  options: ServerOptions = {},
): Promise<S4nnServer> {
  const {
    host = '127.0.0.1',
    port = 0,
    threads = 0,
    earlyExit = false,
    bodyLimit = 1 << 20,
    idleTimeoutMs = 30_000,
    batchSize,
    maxDelayMs,
  } = options;
  const predictor = await createPredictor(model, {
    engine: options.engine,
    backend: options.backend,
  });
  const metrics = new ServeMetrics();
  const batchOptions = { earlyExit, threads };
  const countItems = (items: readonly PredictionItem[]) => {
    const errors = items.reduce((sum, item) => sum + ('error' in item ? 1 : 0), 0);
    metrics.recordItems(items.length - errors, errors);
  };

  const app = Fastify({
    logger: false,
    bodyLimit,
    connectionTimeout: idleTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    // A client's mistake (4xx) is explained; a fault of ours (5xx) is logged here and answered
    // without its message, which may name files or internals of this machine.
    if (status >= 500) console.error(`s4nn serve: ${error.stack ?? error.message}`);
    void reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.recordRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) metrics.recordItems(0, 1);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render()),
  );
  app.get('/v1/model', async () => ({
    spec: model.spec,
    classes: model.classes,
    encoder: model.encoder,
    provenance: model.provenance ?? {},
    inputWidth: predictor.width,
    engine: predictor.engine,
  }));

  app.post('/v1/predict', async (request, reply) => {
    const body = request.body;
    // A bare array of numbers is one sample; any other non-empty array is a batch.
    const isBatch = Array.isArray(body) && body.length > 0 && typeof body[0] !== 'number';
    const items = await predictor.predictBatch(isBatch ? body : [body], 0, batchOptions);
    countItems(items);
    if (isBatch) return items;
    const [item] = items;
    if ('error' in item) void reply.code(400);
    return item;
  });

  await app.register(async (scope) => {
    // The stream's body is never buffered: whatever its type, the handler reads it as it comes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.post('/v1/predict/stream', async (request, reply) => {
      metrics.activeStreams++;
      const output = predictNdjson(request.body as Readable, predictor, {
        earlyExit,
        threads,
        maxLineBytes: bodyLimit,
        ...(batchSize === undefined ? {} : { batchSize }),
        ...(maxDelayMs === undefined ? {} : { maxDelayMs }),
        onItem: (item) => metrics.recordItems('error' in item ? 0 : 1, 'error' in item ? 1 : 0),
      });
      output.once('close', () => metrics.activeStreams--);
      return reply.type('application/x-ndjson').send(output);
    });
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    engineInfo: predictor.engineInfo,
    listen: () => app.listen({ host, port }),
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await predictor.dispose();
      })()),
  };
}
