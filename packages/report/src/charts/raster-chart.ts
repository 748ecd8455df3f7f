import type { TopLevelSpec } from 'vega-lite';
import type { SpikeRaster } from '../rows/raster-rows.js';
import { CHART_CONFIG, CHART_WIDTH } from './chart.js';

/**
 * The raster of one sample: one panel per layer (neuron by time, input at the top), the output
 * panel with the decision time drawn as a dashed rule and the winner's spike in red.
 */
export function rasterSpec(raster: SpikeRaster, title: string): TopLevelSpec {
  const xScale = { domain: [0, raster.tmax] };
  const panels = raster.layers.map((layer) => {
    const isOutput = layer.name === 'output';
    const spikes = raster.spikes
      .filter((spike) => spike.layer === layer.name)
      .map((spike) => ({
        ...spike,
        className: isOutput ? raster.classNames[spike.neuron] : '',
        winner: isOutput && spike.neuron === raster.decision.neuron,
      }));
    // The output layer's neurons are the classes: its axis names them, in output order.
    const y = isOutput
      ? {
          field: 'className',
          type: 'ordinal' as const,
          title: `output (${layer.size})`,
          scale: { domain: raster.classNames },
        }
      : {
          field: 'neuron',
          type: 'quantitative' as const,
          title: `${layer.name} (${layer.size})`,
          scale: { domain: [0, Math.max(1, layer.size - 1)] },
        };
    const points = {
      data: { values: spikes },
      mark: isOutput
        ? { type: 'square' as const, size: 70, opacity: 1 }
        : { type: 'tick' as const, thickness: 1.5 },
      encoding: {
        x: { field: 'time', type: 'quantitative' as const, title: 'time step', scale: xScale },
        y,
        color: {
          field: 'winner',
          type: 'nominal' as const,
          scale: { domain: [false, true], range: ['#333', '#d62728'] },
          legend: null,
        },
      },
    };
    const height = isOutput
      ? Math.min(200, Math.max(60, layer.size * 14))
      : Math.min(200, Math.max(60, layer.size / 4));
    if (!isOutput) return { width: CHART_WIDTH, height, layer: [points] };
    const decisionLabel = raster.decision.fallback
      ? `fallback: ${raster.decision.className}`
      : `decision: ${raster.decision.className} at t = ${raster.decision.time}`;
    const early = raster.decision.time < raster.tmax / 2;
    const decision = {
      data: { values: [{ ...raster.decision, label: decisionLabel }] },
      encoding: { x: { field: 'time', type: 'quantitative' as const, scale: xScale } },
      layer: [
        { mark: { type: 'rule' as const, color: '#888', strokeDash: [4, 3] } },
        {
          // Beside the rule, on the side with room for the text.
          mark: {
            type: 'text' as const,
            align: early ? ('left' as const) : ('right' as const),
            dx: early ? 4 : -4,
            y: 8,
            color: '#d62728',
          },
          encoding: { text: { field: 'label', type: 'nominal' as const } },
        },
      ],
    };
    return { width: CHART_WIDTH, height, layer: [decision, points] };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: CHART_CONFIG,
    vconcat: panels,
  };
}
