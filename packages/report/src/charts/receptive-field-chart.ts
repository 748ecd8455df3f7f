import type { ReceptiveFieldGrid } from '../rows/receptive-fields.js';
import pngjs from 'pngjs';
import { escapeXml } from '../page/escape-xml.js';
import { CHART_WIDTH } from './chart.js';

const TITLE_HEIGHT = 28;

/**
 * The receptive-field grid as an SVG document: a title and the grid image, embedded as a PNG
 * data URL, scaled up pixel by pixel (a Vega mark per pixel would be 313,600 marks for MNIST).
 */
export function receptiveFieldSvg(grid: ReceptiveFieldGrid, title: string): string {
  const pixel = Math.max(1, Math.floor(Math.max(CHART_WIDTH, 600) / grid.width));
  const imageWidth = grid.width * pixel;
  const imageHeight = grid.height * pixel;
  const width = imageWidth + 20;
  const height = imageHeight + TITLE_HEIGHT + 10;
  // Scaled up here, pixel by pixel: rasterisers and browsers smooth an upscaled image.
  const scaled = scaleNearest(grid.rgba, grid.width, grid.height, pixel);
  const png = new pngjs.PNG({ width: imageWidth, height: imageHeight });
  png.data = Buffer.from(scaled.buffer, scaled.byteOffset, scaled.byteLength);
  const dataUrl = `data:image/png;base64,${pngjs.PNG.sync.write(png).toString('base64')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="10" y="20" font-family="sans-serif" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<image x="10" y="${TITLE_HEIGHT}" width="${imageWidth}" height="${imageHeight}" image-rendering="optimizeSpeed" style="image-rendering:pixelated" preserveAspectRatio="none" href="${dataUrl}"/>`,
    '</svg>',
  ].join('\n');
}

/** Each pixel of a `width x height` RGBA image repeated `factor x factor` times. */
function scaleNearest(rgba: Uint8Array, width: number, height: number, factor: number): Uint8Array {
  if (factor === 1) return rgba;
  const scaledRowBytes = width * factor * 4;
  const scaled = new Uint8Array(scaledRowBytes * height * factor);
  for (let y = 0; y < height; y++) {
    const rowStart = y * factor * scaledRowBytes;
    for (let x = 0; x < width * factor; x++) {
      const from = (y * width + Math.floor(x / factor)) * 4;
      for (let c = 0; c < 4; c++) scaled[rowStart + x * 4 + c] = rgba[from + c];
    }
    // The other factor - 1 rows repeat the first.
    for (let k = 1; k < factor; k++) {
      scaled.copyWithin(rowStart + k * scaledRowBytes, rowStart, rowStart + scaledRowBytes);
    }
  }
  return scaled;
}
