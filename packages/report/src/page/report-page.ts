import type { Chart } from '../charts/chart.js';
import { escapeXml } from './escape-xml.js';

/** The run summary shown above the charts: label/value pairs and notes. */
export interface PageSummary {
  title: string;
  facts: [label: string, value: string][];
  /** Sentences about what is missing and why (e.g. no checkpoint yet). */
  notes: string[];
}

// Inline CSS only: the page opens from the file system and makes no requests. SVGs shrink to
// the screen's width (they keep their viewBox), so a phone shows every chart whole.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;background:#f6f6f4}
main{max-width:980px;margin:0 auto;padding:16px}
h1{font-size:1.4em;margin:.2em 0 .6em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 12px}
dt{color:#666}dd{margin:0;overflow-wrap:anywhere}
.note{background:#fff6d6;border-left:4px solid #e0b400;padding:6px 10px;margin:6px 0}
figure{background:#fff;border:1px solid #ddd;border-radius:6px;margin:16px 0;padding:12px}
figure svg{display:block;max-width:100%;height:auto}
figcaption{color:#444;font-size:.92em;margin-top:8px}
figcaption a{color:#235}
@media (max-width:480px){main{padding:8px}figure{padding:6px;margin:10px 0}dl{grid-template-columns:1fr}}
`;

/**
 * The self-contained report page: inline CSS, every chart's SVG inline, no scripts and no
 * external requests. Each figure links its SVG and PNG files (relative to the page).
 *
 * ## Example
 * ```ts
 * const html = reportPage({ title: 'Run x', facts: [['status', 'finished']], notes: [] }, charts);
 * ```
 */
export function reportPage(summary: PageSummary, charts: readonly Chart[]): string {
  const facts = summary.facts
    .map(([label, value]) => `<dt>${escapeXml(label)}</dt><dd>${escapeXml(value)}</dd>`)
    .join('\n');
  const notes = summary.notes.map((note) => `<p class="note">${escapeXml(note)}</p>`).join('\n');
  const figures = charts
    .map(
      (chart) => `<figure id="${chart.name}">
${stripXmlProlog(chart.svg)}
<figcaption><strong>${escapeXml(chart.title)}.</strong> ${escapeXml(chart.caption)} <a href="${chart.name}.svg">SVG</a> · <a href="${chart.name}.png">PNG</a></figcaption>
</figure>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(summary.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeXml(summary.title)}</h1>
<dl>
${facts}
</dl>
${notes}
${figures}
</main>
</body>
</html>
`;
}

function stripXmlProlog(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, '');
}
