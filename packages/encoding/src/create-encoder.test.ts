import { describe, expect, it } from '@jest/globals';
import { createEncoder } from './create-encoder.js';
import type { EncoderSettings } from './encoder.js';

describe('createEncoder', () => {
  it('revives each encoder from its settings after a JSON round trip', () => {
    const settings: EncoderSettings[] = [
      { type: 'latency', tmax: 256, maxValue: 255 },
      { type: 'pre-encoded', tmax: 100 },
    ];
    for (const original of settings) {
      const revived = createEncoder(JSON.parse(JSON.stringify(original)) as EncoderSettings);
      expect(revived.settings).toEqual(original);
    }
    const latency = createEncoder({ type: 'latency', tmax: 256, maxValue: 255 });
    expect(Array.from(latency.encodeSample([255, 0]))).toEqual([0, 256]);
    const preEncoded = createEncoder({ type: 'pre-encoded', tmax: 100 });
    expect(Array.from(preEncoded.encodeSample([7.9]))).toEqual([7]);
  });

  it('names an unknown type and invalid numbers', () => {
    expect(() => createEncoder({ type: 'rate', tmax: 256 } as unknown as EncoderSettings)).toThrow(
      `encoder settings: unknown type "rate"; expected 'latency' or 'pre-encoded'`,
    );
    expect(() => createEncoder({ type: 'latency', tmax: 256 } as EncoderSettings)).toThrow(
      'maxValue must be a finite number > 0, got undefined',
    );
  });
});
