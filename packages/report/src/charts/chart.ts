/** A chart of the report, before rendering: its file name, title, caption and SVG. */
export interface Chart {
  /** File name stem: `<name>.svg`, `<name>.png`. */
  name: string;
  title: string;
  /** One or two sentences for the page: what the chart shows and how to read it. */
  caption: string;
  svg: string;
}

/** Shared look of every Vega-Lite chart. */
export const CHART_CONFIG = {
  font: 'sans-serif',
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', labelLimit: 400 },
  title: { fontSize: 14, anchor: 'start' },
} as const;

/** Default drawing width of a chart (the page scales SVGs down on narrow screens). */
export const CHART_WIDTH = 520;
