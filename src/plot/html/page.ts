/**
 * A standalone HTML page: inline CSS, inline plotly.js, no remote resources, so it opens
 * offline from a file. One draw script renders every `.sf-chart` and records the outcome
 * on <html> as data-charts-total / -drawn / -failed / -done, which the headless-browser
 * check (scripts/check-report.mjs) reads.
 */
import { escapeHtml } from './escape.js';
import { PLOT_CONFIG, plotlyTag } from './chart.js';
import { ZOOM_SCRIPT } from './zoom.js';
import { PAGE_CSS } from './styles.js';

export interface PageSection {
  readonly id: string;
  readonly title: string;
  /** HTML body of the section. */
  readonly html: string;
}

export interface Page {
  readonly title: string;
  /** HTML under the title (subtitle, lead paragraph). */
  readonly lead?: string;
  readonly sections: readonly PageSection[];
  /** HTML after the sections. */
  readonly footer?: string;
  /** Extra inline script elements placed after the charts are drawn (the explorer). */
  readonly scripts?: string;
}

/** Draws every chart; records the result on <html> for automated checks. */
const DRAW = `(function(){
var root=document.documentElement,charts=document.querySelectorAll('.sf-chart'),drawn=0,failed=0,config=${JSON.stringify(PLOT_CONFIG)};
function mark(){root.setAttribute('data-charts-total',String(charts.length));root.setAttribute('data-charts-drawn',String(drawn));root.setAttribute('data-charts-failed',String(failed));if(drawn+failed===charts.length)root.setAttribute('data-charts-done','true');}
function fail(div,e){failed++;var p=document.createElement('p');p.className='chart-error';p.textContent='This chart could not be drawn: '+(e&&e.message||e);div.appendChild(p);mark();}
mark();
Array.prototype.forEach.call(charts,function(div){
 try{
  if(!window.Plotly)throw new Error('plotly.js did not load');
  var fig=JSON.parse(document.getElementById(div.getAttribute('data-figure')).textContent);
  window.Plotly.newPlot(div,fig.data,fig.layout,config).then(function(){if(div.querySelector('svg.main-svg')){drawn++;mark();}else fail(div,'nothing drawn');},function(e){fail(div,e);});
 }catch(e){fail(div,e);}
});
})();`;

export function renderPage(page: Page, plotlyJs: string): string {
  const nav = page.sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.title)}</a>`).join('');
  const body = page.sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${PAGE_CSS}</style>
${plotlyTag(plotlyJs)}
</head>
<body>
<header><h1>${escapeHtml(page.title)}</h1>${page.lead ?? ''}</header>
<nav>${nav}</nav>
<main>
${body}
</main>
${page.footer ? `<footer>${page.footer}</footer>` : ''}
<script>${DRAW}</script>
<script>${ZOOM_SCRIPT}</script>${page.scripts ?? ''}
</body>
</html>
`;
}
