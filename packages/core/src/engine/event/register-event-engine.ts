import { registerEngine } from '../registry.js';
import { EVENT_ENGINE, EVENT_ENGINE_INFO, EventSession } from './event-session.js';

/**
 * The `event` engine: exact and event-driven on the CPU, available everywhere. Its priority is
 * the CPU's highest; a GPU engine that is faster registers above it.
 */
export const EVENT_ENGINE_PRIORITY = 1;

registerEngine({
  name: EVENT_ENGINE,
  priority: EVENT_ENGINE_PRIORITY,
  isAvailable: () => true,
  describe: () =>
    `${EVENT_ENGINE_INFO.backend} on the ${EVENT_ENGINE_INFO.device}: ${EVENT_ENGINE_INFO.detail}`,
  create: async (network, options) => new EventSession(network, options),
});
