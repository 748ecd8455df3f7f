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

/** An engine as `s4nn info --engines` lists it. */
export interface EngineDescription {
  name: string;
  priority: number;
  available: boolean;
  /** What it would run on here (its `describe()`), or why it is not available. */
  detail: string;
}

/**
 * Every registered engine, highest priority first, with its availability and what it would run
 * on here. Describing tfjs initialises its `auto` backend.
 *
 * ## Example
 * ```ts
 * for (const e of await describeEngines()) console.log(e.name, e.priority, e.available, e.detail);
 * ```
 */
export async function describeEngines(): Promise<EngineDescription[]> {
  const descriptions: EngineDescription[] = [];
  for (const definition of listEngines()) {
    const available = await definition.isAvailable();
    const detail = available ? await describeOne(definition) : 'not available on this machine';
    descriptions.push({ name: definition.name, priority: definition.priority, available, detail });
  }
  return descriptions;
}

/** An engine's `describe()`; a failure is reported in the line rather than failing the listing. */
async function describeOne(definition: EngineDefinition): Promise<string> {
  try {
    return (await definition.describe?.()) ?? '';
  } catch (error) {
    return `describe failed: ${error instanceof Error ? error.message : String(error)}`;
  }
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

/** Options of {@link createSession}: the engine's name (default: `defaultEngine()`) and its options. */
export interface SessionOptions extends EngineOptions {
  engine?: string;
}

/**
 * Validates `network` and binds it to the engine `options.engine` (default: `defaultEngine()`).
 *
 * ## Example
 * ```ts
 * const session = await createSession(network, { engine: 'event', rng: createRng(1) });
 * const gpu = await createSession(network, { engine: 'tfjs', backend: 'tensorflow' });
 * const result = session.forward(inputTimes, createForwardResult(network.spec));
 * ```
 */
export async function createSession(
  network: Network,
  options: SessionOptions = {},
): Promise<EngineSession> {
  createNetwork(network.spec, network.weights);
  const definition =
    options.engine === undefined ? await defaultEngine() : getEngine(options.engine);
  if (!(await definition.isAvailable())) {
    throw new Error(`createSession: engine '${definition.name}' is not available on this machine`);
  }
  return definition.create(network, options);
}
