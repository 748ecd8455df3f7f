export * from './spec/network-spec.js';
export * from './spec/network-shape.js';
export * from './spec/reference-specs.js';
export * from './spec/spec-error.js';
export * from './spec/validate-network-spec.js';

export * from './random/rng.js';

export * from './network/network.js';
export * from './network/validate-weights.js';
export * from './network/init-weights.js';
export * from './network/fire-counts.js';
export * from './network/redraw-dead-neurons.js';

export * from './engine/kernel-names.js';
export * from './engine/engine.js';
export * from './engine/results.js';
export * from './engine/registry.js';
export * from './engine/decide.js';
export * from './engine/relative-targets.js';
export * from './engine/summarise-batch.js';
export * from './engine/check-arguments.js';

export { EVENT_ENGINE, EVENT_ENGINE_INFO } from './engine/event/event-session.js';
// Registers the event engine (an import side effect, as tfjs backends register themselves).
export { EVENT_ENGINE_PRIORITY } from './engine/event/register-event-engine.js';
export * from './engine/tfjs/index.js';

export * from './model/index.js';
export * from './numpy/index.js';
