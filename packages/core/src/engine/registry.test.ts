import { describe, it, expect } from '@jest/globals';
import {
  createSession,
  defaultEngine,
  describeEngines,
  getEngine,
  listEngines,
  registerEngine,
} from './registry.js';
import { EVENT_ENGINE } from './event/event-session.js';
import './event/register-event-engine.js';
import { notebookSpec } from '../spec/reference-specs.js';
import { initWeights } from '../network/init-weights.js';
import { createRng } from '../random/rng.js';
import type { EngineDefinition } from './engine.js';

const unavailable: EngineDefinition = {
  name: 'test-unavailable',
  priority: 100,
  isAvailable: async () => false,
  create: async () => {
    throw new Error('never created');
  },
};

// Registered for the whole file: every test sees it above the event engine.
registerEngine(unavailable);

describe('engine registry', () => {
  it('picks the available engine of highest priority and lists engines by priority', async () => {
    expect(listEngines().map((engine) => engine.name)).toEqual(['test-unavailable', EVENT_ENGINE]);
    expect((await defaultEngine()).name).toBe(EVENT_ENGINE);
    const spec = notebookSpec();
    const session = await createSession({ spec, weights: initWeights(spec, createRng(1)) });
    expect(session.engine).toBe(EVENT_ENGINE);
    await session.dispose();
    await expect(
      createSession(
        { spec, weights: initWeights(spec, createRng(1)) },
        { engine: 'test-unavailable' },
      ),
    ).rejects.toThrow("createSession: engine 'test-unavailable' is not available on this machine");
  });

  it('refuses a duplicate name and names the registered engines for an unknown one', () => {
    expect(() => registerEngine({ ...unavailable, name: EVENT_ENGINE })).toThrow(
      "registerEngine: an engine named 'event' is already registered",
    );
    expect(() => getEngine('gpu')).toThrow("unknown engine 'gpu'; registered: ");
  });

  it('describes every engine, highest priority first, with its availability', async () => {
    const descriptions = await describeEngines();
    expect(descriptions.map((engine) => engine.name)).toEqual(['test-unavailable', EVENT_ENGINE]);
    expect(descriptions[0]).toEqual({
      name: 'test-unavailable',
      priority: 100,
      available: false,
      detail: 'not available on this machine',
    });
    expect(descriptions[1]).toEqual({
      name: EVENT_ENGINE,
      priority: 1,
      available: true,
      detail:
        'typed-arrays on the cpu: exact event-driven kernels in float64; worker threads on request (threads > 0)',
    });
  });

  it('reports what an event session runs on and refuses a backend it does not have', async () => {
    const spec = notebookSpec();
    const network = { spec, weights: initWeights(spec, createRng(1)) };
    const session = await createSession(network, { engine: EVENT_ENGINE, backend: 'auto' });
    expect(session.info).toEqual({
      engine: 'event',
      backend: 'typed-arrays',
      device: 'cpu',
      detail: 'exact event-driven kernels in float64; worker threads on request (threads > 0)',
    });
    await session.dispose();
    await expect(createSession(network, { engine: EVENT_ENGINE, backend: 'wasm' })).rejects.toThrow(
      "event engine: option 'backend' must be auto or left out, the engine has one backend (got wasm)",
    );
  });

  it('validates the network before creating a session', async () => {
    const spec = notebookSpec();
    await expect(createSession({ spec, weights: [new Float64Array(3)] })).rejects.toThrow(
      'invalid weights: expected 3 Float64Arrays, one per layer (got 1 arrays)',
    );
  });
});
