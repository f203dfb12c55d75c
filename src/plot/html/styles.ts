/**
 * The report page's styles, inlined into its <style> (page.ts): the page itself, the zoom box
 * of the diagrams (zoom.ts has its script) and the live explorer's controls and charts
 * (explorer/browser.ts builds the elements these classes name).
 */

/** Page layout, sections, tables, captions and chart blocks. */
const BASE_CSS = `
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

/** The `.sf-zoom` box around a diagram, and its zoom buttons. */
export const ZOOM_CSS = `.sf-zoom{position:relative;border:1px solid var(--line);border-radius:6px;background:#fff;overflow:hidden;cursor:grab}
.sf-zoom svg{display:block;max-width:100%;height:auto;margin:0 auto}
.sf-zoom .sf-zoom-bar{position:absolute;top:6px;right:6px;display:flex;gap:4px}
.sf-zoom button{font:inherit;font-size:13px;padding:2px 8px;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer}
`;

/** The explorer: sliders of the uncertain constants, intervention toggles, its charts. */
export const EXPLORER_CSS = `.sf-explorer-controls{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:6px 24px;align-items:start;margin:8px 0}
.sf-explorer-sliders{display:grid;grid-template-columns:1fr;gap:2px;max-height:420px;overflow:auto}
.sf-slider{display:grid;grid-template-columns:minmax(0,1fr) 180px 56px;gap:8px;align-items:center;font-size:13px}
.sf-slider-value{font-variant-numeric:tabular-nums;text-align:right}
.sf-explorer-toggles{display:grid;grid-template-columns:1fr 1fr;gap:2px 12px;font-size:13px}
.sf-toggle{cursor:pointer}
.sf-explorer-chart{width:100%;height:380px}
`;

export const PAGE_CSS = `${BASE_CSS}${ZOOM_CSS}${EXPLORER_CSS}`;
