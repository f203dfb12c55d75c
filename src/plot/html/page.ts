/**
 * A standalone HTML page: inline CSS, inline plotly.js, no remote resources, so it opens
 * offline from a file. One draw script renders every `.sf-chart` and records the outcome
 * on <html> as data-charts-total / -drawn / -failed / -done, which the headless-browser
 * check (scripts/check-report.mjs) reads.
 */
import { escapeHtml } from './escape.js';
import { PLOT_CONFIG, plotlyTag } from './chart.js';
import { ZOOM_CSS, ZOOM_SCRIPT } from './zoom.js';

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

const CSS = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#dde2ea;--accent:#1f4e79}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
header{background:var(--accent);color:#fff;padding:22px 32px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;opacity:.9}
nav{padding:8px 32px;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
nav a{margin-right:18px;color:var(--accent);text-decoration:none;font-weight:600}
main{max-width:1280px;margin:0 auto;padding:8px 24px 40px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;margin:22px 0;padding:6px 24px 18px}
h2{font-size:20px;border-bottom:1px solid var(--line);padding-bottom:6px}
h3{font-size:16px;margin:18px 0 6px}
.sf-figure{margin:12px 0 20px}
.sf-chart{width:100%}
figcaption,.note{color:var(--muted);font-size:13px}
.sf-diagram-box{overflow:auto;max-height:78vh;border:1px solid var(--line);border-radius:6px;background:#fff}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
th{background:#f0f3f7}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.legend span{display:inline-block;margin-right:14px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.chart-error{color:#b00020;font-weight:600}
details{margin:10px 0}summary{cursor:pointer;color:var(--accent);font-weight:600}
footer{color:var(--muted);font-size:12px;text-align:center;padding:12px}
`;

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
<style>${CSS}${ZOOM_CSS}</style>
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
