import type { Encoder, EncoderSettings } from './encoder.js';
import { latency } from './latency.js';
import { preEncoded } from './pre-encoded.js';

/**
 * Revives an encoder from its JSON settings (as stored in model files). Unknown types and
 * invalid numbers are errors that say which.
 *
 * ## Example
 * ```ts
 * const encoder = createEncoder({ type: 'latency', tmax: 256, maxValue: 255 });
 * JSON.stringify(encoder.settings); // '{"type":"latency","tmax":256,"maxValue":255}'
 * ```
 */
export function createEncoder(settings: EncoderSettings): Encoder {
  switch (settings?.type) {
    case 'latency':
      return latency({ tmax: settings.tmax, maxValue: settings.maxValue });
    case 'pre-encoded':
      return preEncoded({ tmax: settings.tmax });
    default:
      throw new TypeError(
        `encoder settings: unknown type ${JSON.stringify((settings as { type?: unknown } | null)?.type)}; expected 'latency' or 'pre-encoded'`,
      );
  }
}
