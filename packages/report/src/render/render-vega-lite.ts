import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG document, entirely in Node (no canvas, no browser).
 * Vega is ESM-only with top-level await, so it is loaded with a dynamic import, once.
 *
 * ## Example
 * ```ts
 * const svg = await renderVegaLite({ data: { values: [{ x: 1, y: 2 }] }, mark: 'point',
 *   encoding: { x: { field: 'x' }, y: { field: 'y' } } });
 * ```
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  // One after the other: Jest's ESM loader fails on concurrent imports sharing modules.
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
