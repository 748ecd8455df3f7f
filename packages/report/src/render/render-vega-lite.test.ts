import { describe, expect, it } from '@jest/globals';
import { renderVegaLite } from './render-vega-lite.js';
import { svgToPng } from './svg-to-png.js';

describe('renderVegaLite and svgToPng', () => {
  it('render a spec to an SVG document with one mark per row, and that to a PNG of twice its size', async () => {
    const svg = await renderVegaLite({
      width: 100,
      height: 80,
      data: {
        values: [
          { x: 'a', y: 2 },
          { x: 'b', y: 3 },
          { x: 'c', y: 1 },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(3);
    expect(svg).toContain('aria-label="x: b; y: 3"');
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const image = svgToPng(svg, 2);
    expect([image.width, image.height]).toEqual([width * 2, height * 2]);
    expect(image.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
