/**
 * The live explorer, run in the report page (bundled by scripts/bundle-explorer.mjs into one
 * script with no imports): sliders for the uncertain constants, a toggle per intervention,
 * and charts redrawn from runs of the compiled programs embedded in the page, with the same
 * run loop the command line uses (sim/run.ts). Nothing leaves the page.
 *
 * The page records `data-explorer-runs` and `data-explorer-ms` (time of the last redraw,
 * runs and drawing) on the explorer element for automated checks.
 */
import { fromPortable } from '../../compile/portable.js';
import type { CompiledModel } from '../../compile/compile.js';
import { runCompiled } from '../../sim/run.js';
import { canonicalName } from '../../core/names.js';
import { wallClock, zoneLabel } from '../../model/clock.js';
import type { ExplorerData, ExplorerVariant } from './data.js';

interface PlotlyLike { react(el: HTMLElement, data: unknown[], layout: unknown, config: unknown): Promise<unknown> }

function start(root: HTMLElement): void {
  const data = JSON.parse(document.getElementById(root.dataset.explorer!)!.textContent!) as ExplorerData;
  const plotly = (window as unknown as { Plotly?: PlotlyLike }).Plotly;
  const programs = new Map<string, CompiledModel>();
  const program = (v: ExplorerVariant) => {
    let p = programs.get(v.id);
    if (!p) { p = fromPortable(v.program); programs.set(v.id, p); }
    return p;
  };
  const values = new Map(data.sliders.map((s) => [canonicalName(s.name), s.value]));
  const on = new Set<string>();
  const controls = el('div', 'sf-explorer-controls');
  const sliders = el('div', 'sf-explorer-sliders');
  for (const s of data.sliders) {
    const id = `sf-x-${canonicalName(s.name)}`;
    const row = el('label', 'sf-slider');
    const input = document.createElement('input');
    Object.assign(input, { type: 'range', min: String(s.min), max: String(s.max), step: String((s.max - s.min) / 200), value: String(s.value), id });
    input.dataset.constant = s.name;
    const shown = el('span', 'sf-slider-value');
    shown.textContent = fmt(s.value);
    input.addEventListener('input', () => { values.set(canonicalName(s.name), Number(input.value)); shown.textContent = fmt(Number(input.value)); redraw(); });
    row.title = s.source ?? '';
    row.append(text(`${s.name}${s.units ? ` [${s.units}]` : ''}`), input, shown);
    sliders.appendChild(row);
  }
  const toggles = el('div', 'sf-explorer-toggles');
  for (const v of data.variants) {
    const row = el('label', 'sf-toggle');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.scenario = v.id;
    box.addEventListener('change', () => { if (box.checked) on.add(v.id); else on.delete(v.id); redraw(); });
    const swatch = el('i', 'swatch');
    swatch.style.background = v.color;
    row.append(box, swatch, text(`${v.id}${v.level ? ` · L${v.level}` : ''}`));
    row.title = v.title;
    toggles.appendChild(row);
  }
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'reset to the model\'s values';
  reset.addEventListener('click', () => {
    for (const s of data.sliders) values.set(canonicalName(s.name), s.value);
    sliders.querySelectorAll('input').forEach((i) => { const s = data.sliders.find((x) => x.name === i.dataset.constant)!; i.value = String(s.value); (i.nextSibling as HTMLElement).textContent = fmt(s.value); });
    redraw();
  });
  controls.append(sliders, toggles, reset);
  const charts = data.charts.map(() => el('div', 'sf-explorer-chart'));
  root.append(controls, ...charts);

  function run(v: ExplorerVariant) {
    const p = program(v);
    const fixed = new Set(v.fixed);
    const constants = Float64Array.from(p.layout.constants, (c) => (!fixed.has(c.id) && values.has(c.id) ? values.get(c.id)! : c.value));
    const out = runCompiled(p, { constants });
    if (!out.result) throw new Error(out.diagnostics.map((d) => d.message).join('; '));
    return out.result;
  }
  // Runs share their save times, so the clock axis is computed once per length of run.
  let axis: { n: number; x: (string | number)[] } | undefined;
  const xOf = (time: Float64Array) => {
    if (axis?.n !== time.length) axis = { n: time.length, x: Array.from(time, (t) => (data.clock ? wallClock(data.clock, t) : t)) };
    return axis.x;
  };
  const xaxis = data.clock ? { type: 'date', title: { text: `clock time (${zoneLabel(data.clock)})` }, tickformat: '%H:%M\n%b %d' } : { title: { text: `time${data.timeUnit ? ` [${data.timeUnit}]` : ''}` } };
  let latest: { v: ExplorerVariant; r: ReturnType<typeof run> }[] = [];
  // Charts out of view are redrawn when they scroll into view, so a slider move costs the
  // runs and the charts the reader can see (all of them where IntersectionObserver is missing).
  const visible = new Set<number>(charts.map((_, k) => k));
  const stale = new Set<number>();
  function draw(k: number): void {
    stale.delete(k);
    const c = data.charts[k];
    const traces = latest.flatMap(({ v, r }) => c.variables.map((name, j) => ({
      type: 'scatter', mode: 'lines', x: xOf(r.time), y: Array.from(r.series(name)), name: `${v.id}${c.variables.length > 1 ? ` · ${name}` : ''}`,
      line: { color: v.color, width: v.id === 'baseline' ? 3 : 2, dash: c.variables.length > 1 ? ['solid', 'dot', 'dash', 'longdash'][j % 4] : v.dash },
    })));
    void plotly?.react(charts[k], traces, {
      title: { text: c.title, x: 0, xanchor: 'left' }, xaxis, yaxis: { title: { text: c.units ?? 'dimensionless' } },
      margin: { l: 70, r: 20, t: 50, b: 55 }, hovermode: 'x unified', uirevision: 'explorer',
    }, { responsive: true, displaylogo: false });
  }
  if (typeof IntersectionObserver === 'function') {
    const seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        const k = charts.indexOf(e.target as HTMLElement);
        if (e.isIntersecting) { visible.add(k); if (stale.has(k)) draw(k); } else visible.delete(k);
      }
    }, { rootMargin: '200px 0px' });
    charts.forEach((c) => seen.observe(c));
  }
  function redraw(): void {
    const t0 = performance.now();
    const shown = [data.baseline, ...data.variants.filter((v) => on.has(v.id))];
    latest = shown.map((v) => ({ v, r: run(v) }));
    charts.forEach((_, k) => { if (visible.has(k) || !root.dataset.explorerReady) draw(k); else stale.add(k); });
    root.dataset.explorerRuns = String(Number(root.dataset.explorerRuns ?? 0) + latest.length);
    root.dataset.explorerMs = (performance.now() - t0).toFixed(1);
  }
  try { redraw(); root.dataset.explorerReady = 'true'; } catch (e) {
    const p = el('p', 'chart-error');
    p.textContent = `The explorer could not run the model: ${(e as Error).message}`;
    root.appendChild(p);
  }
}

function el(tag: string, cls: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  return e;
}

function text(s: string): HTMLElement {
  const e = document.createElement('span');
  e.textContent = s;
  return e;
}

function fmt(x: number): string {
  return Math.abs(x) >= 1000 || Math.abs(x) < 0.01 ? x.toPrecision(3) : String(Number(x.toPrecision(3)));
}

document.querySelectorAll<HTMLElement>('.sf-explorer').forEach(start);
