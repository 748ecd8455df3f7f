import { createNetwork, type Network } from '../network/network.js';
import { SpecError } from '../spec/spec-error.js';
import type { EngineDefinition, EngineOptions, EngineSession } from './engine.js';

const engines = new Map<string, EngineDefinition>();

/**
 * Registers an engine under its name (tfjs-style backend registry). Engines register themselves
 * as an import side effect; a duplicate name throws.
 *
 * ## Example
 * ```ts
 * registerEngine({ name: 'tfjs', priority: 2, isAvailable: () => hasGpu(), create: createTfjsSession });
 * ```
 */
export function registerEngine(definition: EngineDefinition): void {
  if (engines.has(definition.name)) {
    throw new Error(`registerEngine: an engine named '${definition.name}' is already registered`);
  }
  engines.set(definition.name, definition);
}

/** The engine registered as `name`; throws naming the registered ones otherwise. */
export function getEngine(name: string): EngineDefinition {
  const definition = engines.get(name);
  if (definition === undefined) {
    throw new SpecError(
      `unknown engine '${name}'; registered: ${listEngines()
        .map((engine) => engine.name)
        .join(', ')}`,
      'engine',
    );
  }
  return definition;
}

/** All registered engines, highest priority first. */
export function listEngines(): EngineDefinition[] {
  return [...engines.values()].sort((a, b) => b.priority - a.priority);
}

/** The available engine of highest priority (falls down the list, as tfjs picks a backend). */
export async function defaultEngine(): Promise<EngineDefinition> {
  for (const definition of listEngines()) {
    if (await definition.isAvailable()) return definition;
  }
  throw new Error('defaultEngine: no registered engine is available');
}

/**
 * Validates `network` and binds it to the engine `options.engine` (default: `defaultEngine()`).
 *
 * ## Example
 * ```ts
 * const session = await createSession(network, { engine: 'event', rng: createRng(1) });
 * const result = session.forward(inputTimes, createForwardResult(network.spec));
 * ```
 */
export async function createSession(
  network: Network,
  options: EngineOptions & { engine?: string } = {},
): Promise<EngineSession> {
  createNetwork(network.spec, network.weights);
  const definition =
    options.engine === undefined ? await defaultEngine() : getEngine(options.engine);
  if (!(await definition.isAvailable())) {
    throw new Error(`createSession: engine '${definition.name}' is not available on this machine`);
  }
  return definition.create(network, options);
}
