import { describe, it, expect } from '@jest/globals';
import {
  createSession,
  defaultEngine,
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

describe('engine registry', () => {
  it('picks the available engine of highest priority and lists engines by priority', async () => {
    registerEngine(unavailable);
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

  it('validates the network before creating a session', async () => {
    const spec = notebookSpec();
    await expect(createSession({ spec, weights: [new Float64Array(3)] })).rejects.toThrow(
      'invalid weights: expected 3 Float64Arrays, one per layer (got 1 arrays)',
    );
  });
});
