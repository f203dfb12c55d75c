/**
 * Plotly charts as HTML fragments. In a report every chart is a `<div class="sf-chart">`
 * whose figure sits in a JSON script element and is drawn by the page's one draw script
 * (page.ts). In a notebook each output is self-contained: a div and a script that waits
 * for plotly.js, with the library itself inlined in the first chart of the session only.
 */
import type { Figure } from '../figure.js';
import { escapeHtml, scriptJson, scriptSource } from './escape.js';
import { hashString } from '../../core/random.js';

/** Plotly's config for every chart: responsive, no Plotly logo, no cloud links. */
export const PLOT_CONFIG = { responsive: true, displaylogo: false, showLink: false, showSendToCloud: false } as const;

export function chartHeight(fig: Figure): number {
  const h = fig.layout.height;
  return typeof h === 'number' ? h : 420;
}

/** A report chart: the div plus its figure data, drawn later by the page script. */
export function chartBlock(id: string, fig: Figure, caption?: string): string {
  return `<figure class="sf-figure"><div class="sf-chart" id="${id}" data-figure="${id}-data" style="height:${chartHeight(fig)}px"></div>`
    + `<script type="application/json" id="${id}-data">${scriptJson(fig)}</script>`
    + `${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
}

/** A cheap stable hash (FNV-1a, 32 bit) for deterministic element ids. */
export function hash(text: string): string {
  return hashString(text).toString(36);
}

/** The plotly.js bundle as an inline script. */
export function plotlyTag(plotlyJs: string): string {
  return `<script>${scriptSource(plotlyJs)}</script>`;
}

/**
 * A notebook renderer: figure → HTML output. plotly.js is inlined in the first output it
 * makes (about 4.8 MB) and later outputs wait for `window.Plotly`, so an executed notebook
 * stays small and its HTML export draws every chart offline.
 */
export function notebookCharts(plotlyJs: string): (fig: Figure) => string {
  let count = 0;
  return (fig) => {
    const json = scriptJson({ data: fig.data, layout: fig.layout, config: PLOT_CONFIG });
    const id = `sf-${hash(json)}-${count}`;
    const lib = count === 0 ? plotlyTag(plotlyJs) : '';
    count += 1;
    const draw = `(function(){var f=${json};var n=0;function draw(){var el=document.getElementById('${id}');`
      + `if(window.Plotly&&el){window.Plotly.newPlot(el,f.data,f.layout,f.config);}else if(n++<200){setTimeout(draw,50);}}draw();})();`;
    return `${lib}<div id="${id}" class="sf-chart" style="height:${chartHeight(fig)}px"></div><script>${draw}</script>`;
  };
}
