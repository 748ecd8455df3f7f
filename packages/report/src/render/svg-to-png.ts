import { Resvg } from '@resvg/resvg-js';

/** A rasterised chart. */
export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * Rasterises an SVG document to PNG at `scale` times its own size (2 for sharp text on
 * high-density screens), on a white background. System fonts are loaded for the text.
 *
 * ## Example
 * ```ts
 * const { png, width } = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 2); // width 20
 * ```
 */
export function svgToPng(svg: string, scale = 2): PngImage {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  const rendered = resvg.render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
