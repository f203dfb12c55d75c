/**
 * The report of one model: what `stockflow report` writes. Each section appears only when
 * the model has what it needs (issue 5): the diagram and the baseline always; interventions
 * when the model has scenarios and metrics; loop dominance when it has feedback loops;
 * sensitivity when constants have uncertainty ranges and there is a metric; the leverage
 * ranking when one is given, or else computed when the model has scenarios and metrics.
 * Sections left out are listed with the reason.
 */
import { canonicalName } from '../../core/names.js';
import type { Model } from '../../model/types.js';
import { hasErrors, ModelError, type Diagnostic } from '../../core/diagnostics.js';
import { simulate, type SimulateOptions } from '../../sim/simulate.js';
import { selectVariants } from '../../scenarios/index.js';
import type { Variant } from '../../analysis/compare.js';
import { selectMetrics } from '../../analysis/compare.js';
import type { Draws } from '../../analysis/draws.js';
import { timeSeriesFigure } from '../timeseries.js';
import { missingNote, missingSeries, withoutMissing } from '../missing.js';
import { leverageFigure, leverageInputFromRanking, type LeverageInput } from '../leverage.js';
import { DEFAULT_DRAWS, rankLeverage } from '../../analysis/leverage/index.js';
import type { LoopAnalysis } from '../../analysis/loops/index.js';
import { escapeHtml } from '../html/escape.js';
import type { Page, PageSection } from '../html/page.js';
import { chartCounter } from './charts.js';
import { baselineCharts } from './baseline.js';
import { interventionSection } from './interventions.js';
import { diagramHtml, levelLegend, summaryHtml } from './summary.js';
import { diagramLoops, loopAnalysis, loopSection, sensitivitySection } from './analysis.js';
import type { ReferenceData } from '../../analysis/calibrate/targets.js';
import { clockOf } from '../../model/clock.js';
import { onClock } from '../clock-axis.js';
import { withReference } from '../reference.js';
import type { Figure } from '../figure.js';
import { recordSection } from './record.js';
import { explorerSection } from './explorer.js';
import { tippingSection } from './dynamics.js';

export interface ReportOptions {
  /** Scenario ids to compare, or 'all' (default). */
  readonly scenarios?: readonly string[] | 'all';
  /** Latin-hypercube draws for uncertainty whiskers and bands (0: none). */
  readonly uncertainty?: number;
  readonly seed?: number;
  /** Members to run instead of prior draws (a posterior ensemble file, read by the caller). */
  readonly ensemble?: Draws;
  /** Variables for the baseline charts (default: outcomes and stocks). */
  readonly vars?: readonly string[];
  readonly simulate?: SimulateOptions;
  /** Sensitivity method for the sensitivity section, or 'none' (default 'morris'). */
  readonly sensitivity?: string;
  readonly samples?: number;
  /** Skip the loop analysis. */
  readonly loops?: boolean;
  /** A leverage ranking to draw (from the ranking module). */
  readonly leverage?: LeverageInput;
  /** How the report was made, for the footer (e.g. the command line). */
  readonly command?: string;
  /** Leave out the live explorer (default: included). */
  readonly explorer?: boolean;
  /** The model's reference data (io/reference.ts): drawn on the charts of its variables and tabled. */
  readonly reference?: ReferenceData;
  /** Called as the report's stages start (the stage's name) and once more when it is done. */
  readonly onProgress?: (done: number, total: number, stage: string) => void;
}

/** The report's stages in the order buildReport runs them, for progress. */
const STAGES = ['loop analysis', 'diagram', 'baseline', 'interventions', 'explorer', 'leverage ranking', 'loop dominance', 'tipping points', 'sensitivity'] as const;

/** Dresses a chart over time: the record's events and series on it, the clock on its x axis. */
export type TimeFigure = (fig: Figure, variables: readonly string[]) => Figure;

export interface Report {
  readonly page: Page;
  /** Sections left out, with why. */
  readonly omitted: { readonly section: string; readonly reason: string }[];
  /** Warnings met on the way. */
  readonly diagnostics: Diagnostic[];
}

/** Builds every section. Throws ModelError when the model (or a chosen scenario) cannot run. */
export async function buildReport(model: Model, o: ReportOptions = {}): Promise<Report> {
  const chart = chartCounter();
  const sections: PageSection[] = [];
  const omitted: Report['omitted'] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (id: string, title: string, html: string | undefined, reason?: string) => {
    if (html) sections.push({ id, title, html });
    else omitted.push({ section: title, reason: reason ?? 'nothing to show' });
  };
  const stage = (name: (typeof STAGES)[number] | 'done') => o.onProgress?.(name === 'done' ? STAGES.length : STAGES.indexOf(name), STAGES.length, name);
  const variants = pickVariants(model, o.scenarios ?? 'all');
  const baseline = simulate(model, o.simulate);
  stage('loop analysis');
  const loops = o.loops === false ? { diagnostics: [] } : loopAnalysis(model, o.simulate);
  diagnostics.push(...loops.diagnostics.filter((d) => d.severity !== 'error'));

  add('model', 'Model', summaryHtml(model) + (model.scenarios?.length ? levelLegend(model.scenarios.map((s) => s.leverage?.level ?? null)) : ''));
  stage('diagram');
  add('diagram', 'Stock-and-flow diagram', await diagramHtml(model, diagramLoops(loops.analysis)));
  const clock = clockOf(model.sim);
  const sectors = new Map(model.variables.map((v) => [v.id, v.sector]));
  const sectorOf = (name: string) => sectors.get(canonicalName(name));
  const dress: TimeFigure = (fig, vars) => onClock(o.reference ? withReference(fig, o.reference.targets, vars, sectorOf) : fig, clock);
  stage('baseline');
  const shown = withoutMissing(baseline);
  const { groups, constant } = baselineCharts(model, shown, o.vars);
  const missing = missingSeries(baseline, [...groups.flatMap((g) => g.variables), ...constant.map((c) => c.name)]);
  const flat = constant.filter((c) => !missing.some((m) => m.name === c.name));
  const flatNote = (flat.length ? `<p class="note">Not charted, constant over the whole run: ${flat.map((f) => `${escapeHtml(f.name)} = ${f.value}`).join(', ')}.</p>` : '')
    + (missing.length ? `<p class="note">${escapeHtml(missingNote(missing, baseline.time.length))}</p>` : '');
  add('baseline', 'Baseline run', `<p>The model as written, from ${model.sim.start} to ${model.sim.stop}${model.sim.timeUnit ? ` ${escapeHtml(model.sim.timeUnit)}s` : ''}${clock ? ` (clock times from ${escapeHtml(clock.origin)})` : ''}.${o.reference ? ' Dotted lines: the published events about the part of the system a chart shows (its sector); open diamonds: where the record says the charted variable crossed its threshold.' : ''}</p>`
    + groups.map((g) => chart(dress(timeSeriesFigure(shown, g.variables, { title: g.variables.length === 1 ? `${g.title}: ${g.variables[0]}` : g.title, timeUnit: model.sim.timeUnit, yTitle: g.units ?? 'dimensionless' }), g.variables))).join('\n') + flatNote);
  if (o.reference) add('record', 'The model against the record', recordSection(model, baseline, o.reference, (fig, vars) => chart(dress(fig, vars))));

  const metrics = selectMetrics(model);
  stage('interventions');
  if (!variants.length) omitted.push({ section: 'Interventions', reason: model.scenarios?.length ? 'no scenario was chosen' : 'the model defines no scenarios' });
  else if (!metrics.metrics.length || hasErrors(metrics.diagnostics)) omitted.push({ section: 'Interventions', reason: 'the model defines no usable outcome metrics' });
  else {
    const s = interventionSection({ model, baseline, variants, metrics: metrics.metrics, simulate: o.simulate, draws: o.uncertainty, members: o.ensemble, seed: o.seed, dress }, chart);
    add('interventions', 'Interventions', s.html);
  }
  stage('explorer');
  if (o.explorer === false) omitted.push({ section: 'Explorer', reason: 'switched off' });
  else add('explorer', 'Explorer: what if…', explorerSection(model, variants, baseline, o.simulate), 'the model has no uncertain constants and no interventions');
  stage('leverage ranking');
  const leverage = o.leverage ?? (variants.length && metrics.metrics.length && !hasErrors(metrics.diagnostics) ? await ranking(model, o, loops.analysis, diagnostics) : undefined);
  if (leverage?.entries.length) add('leverage', 'Leverage ranking', (leverage.note ? `<p>${escapeHtml(leverage.note)}</p>` : '') + chart(leverageFigure(leverage)));
  else omitted.push({ section: 'Leverage ranking', reason: variants.length ? 'no ranking was computed for this report' : 'the model has no interventions to rank' });

  stage('loop dominance');
  if (o.loops === false) omitted.push({ section: 'Loop dominance', reason: 'loop analysis was switched off' });
  else {
    const failed = loops.analysis ? undefined : loops.diagnostics.find((d) => d.severity === 'error')?.message ?? 'the loop analysis failed';
    if (failed) omitted.push({ section: 'Loop dominance', reason: failed });
    else {
      const l = loopSection(loops.analysis, model, (fig, caption) => chart(onClock(fig, clock), caption));
      add('loops', 'Loop dominance', l.html, l.reason);
    }
  }
  stage('tipping points');
  const tipping = tippingSection(model, o.simulate, chart);
  add('tipping', 'Tipping points', tipping.html, tipping.reason);
  stage('sensitivity');
  const method = o.sensitivity ?? 'morris';
  if (method === 'none') omitted.push({ section: 'Sensitivity', reason: 'switched off' });
  else {
    const s = await sensitivitySection(model, method, o.samples, o.seed ?? 1, o.simulate, chart);
    diagnostics.push(...s.diagnostics);
    add('sensitivity', 'Sensitivity', s.html, s.reason);
  }
  stage('done');
  return { page: { title: model.name || 'stockflow report', lead: lead(model), sections, footer: footer(omitted, o.command) }, omitted, diagnostics };
}

/** The leverage ranking of the chosen scenarios on the model's first metric (the loop analysis reused; constants in the sensitivity section). */
async function ranking(model: Model, o: ReportOptions, analysis: LoopAnalysis | undefined, diagnostics: Diagnostic[]): Promise<LeverageInput | undefined> {
  const r = await rankLeverage(model, {
    scenarios: o.scenarios ?? 'all', draws: o.uncertainty || DEFAULT_DRAWS, members: o.ensemble, seed: o.seed, simulate: o.simulate, sensitivity: false,
    ...(analysis ? { loopAnalysis: analysis } : { loops: false }),
  });
  diagnostics.push(...r.diagnostics.filter((d) => d.severity !== 'error'));
  return r.ranking && leverageInputFromRanking(r.ranking);
}

function pickVariants(model: Model, ids: readonly string[] | 'all'): Variant[] {
  const { variants, diagnostics } = selectVariants(model, ids);
  if (hasErrors(diagnostics)) throw new ModelError(diagnostics);
  return variants;
}

function lead(model: Model): string {
  return `<p>stockflow report${model.file ? ` of ${escapeHtml(model.file)}` : ''}: a self-contained page that works offline; hover any chart for values, drag to zoom, double-click to reset, click legend entries to show or hide lines.</p>`;
}

function footer(omitted: Report['omitted'], command?: string): string {
  const left = omitted.length ? `Not in this report: ${omitted.map((x) => `${escapeHtml(x.section)} (${escapeHtml(x.reason)})`).join('; ')}. ` : '';
  return `${left}${command ? `Made with <code>${escapeHtml(command)}</code>.` : ''}`;
}
