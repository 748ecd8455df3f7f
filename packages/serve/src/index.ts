// @s4nn/serve: streaming predictions, as an RxJS operator and over HTTP.
export {
  isPredictionError,
  type Prediction,
  type PredictionError,
  type PredictionItem,
  type SampleId,
} from './prediction.js';
export { SampleError } from './sample-error.js';
export { createSampleReader, type SampleReader } from './read-sample.js';
export {
  createPredictor,
  type PredictBatchOptions,
  type Predictor,
  type PredictorOptions,
} from './predictor.js';
export { predict, type PredictOptions } from './operators/predict.js';
export { batchBySizeAndTime } from './operators/batch-by-size-and-time.js';
export { predictNdjson, type PredictNdjsonOptions } from './predict-ndjson.js';
export { ServeMetrics } from './metrics.js';
export { createServer, type S4nnServer, type ServerOptions } from './server.js';
