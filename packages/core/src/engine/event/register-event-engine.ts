import { registerEngine } from '../registry.js';
import { EVENT_ENGINE, EventSession } from './event-session.js';

/**
 * The `event` engine: exact and event-driven on the CPU, available everywhere. Its priority is
 * the CPU's highest; a GPU engine that is faster registers above it.
 */
export const EVENT_ENGINE_PRIORITY = 1;

registerEngine({
  name: EVENT_ENGINE,
  priority: EVENT_ENGINE_PRIORITY,
  isAvailable: () => true,
  create: async (network, options) => new EventSession(network, options),
});
