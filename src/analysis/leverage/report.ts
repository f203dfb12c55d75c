/**
 * The readable form of a leverage ranking, what `stockflow rank` prints: the interventions in
 * the chosen view's order with their effect beside their Meadows level, the views' summaries
 * (Pareto frontier, lexicographic bands, the weighted score labelled as a value judgement),
 * the uncertain constants by sensitivity with their level and the rule behind it, and the
 * dominant loops with the interventions that act on them. Returns text.
 */
import { fmt, formatDuration, formatEffect, formatMetric, percent } from '../metric-format.js';
import { metricKind } from '../metrics.js';
import type { InterventionEntry, LeverageRanking, LevelSuggestion, LoopFindings, ParameterEntry } from './types.js';
import { textTable } from '../../core/text-table.js';

export interface RankingReportOptions {
  /** Constants listed (default 15; the JSON has all). */
  readonly parameters?: number;
  /** The widest line of the tables (the terminal's); absent: no limit. */
  readonly lineWidth?: number;
}

export function formatRanking(r: LeverageRanking, o: RankingReportOptions = {}): string {
  const m = r.metric;
  const out = [`Leverage ranking of '${r.model}' on ${m.name}${m.units ? ` [${m.units}]` : ''} (${m.better} is better)`];
  const w = o.lineWidth;
  if (r.interventions.length) out.push('', ...interventions(r, w));
  if (r.restsOn?.length) out.push('', ...restsOnLines(r));
  if (r.counterfactuals.length) out.push('', ...counterfactuals(r, w));
  if (r.parameters.length) out.push('', ...parameters(r, o.parameters ?? 15, w));
  if (r.loops) out.push('', ...loops(r.loops, w));
  if (r.notes.length) out.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}

function interventions(r: LeverageRanking, width?: number): string[] {
  const b = r.baseline;
  const lines = [
    r.draws > 1
      ? `Ensemble: ${r.ensemble ? `${r.draws} members of the posterior ensemble ${r.ensemble}` : `${r.draws} Latin-hypercube draws`} (seed ${r.seed}) over the uncertain constants, every intervention paired with the baseline in each draw; ${r.workers} thread${r.workers === 1 ? '' : 's'}.`
      : 'One run per intervention (no uncertainty ranges).',
    `Baseline ${r.metric.name}: ${r.draws > 1 ? `median ${value(r, b.median)}, P10–P90 ${value(r, b.p10)}–${value(r, b.p90)}; ` : ''}with the model's values ${value(r, b.nominal)}.`,
    '',
    `Remediations, ${viewTitle(r)}:`,
  ];
  const head = ['#', 'intervention', 'level', 'robust e', 'median e', 'Δ median (P10…P90)', 'P(e>0)', 'P(best) ± se', ...(r.view === 'weighted' ? ['score'] : []), 'Pareto', 'acts on loops'];
  const rows = r.interventions.map((x, i) => [
    String(i + 1), x.id, levelCell(x), effect(r, x.effect.p10), effect(r, x.effect.median),
    deltas(r, x), x.effect.pPositive.toFixed(2), `${x.effect.pBest.toFixed(2)} ± ${Math.sqrt((x.effect.pBest * (1 - x.effect.pBest)) / Math.max(1, r.draws)).toFixed(2)}`,
    ...(r.view === 'weighted' ? [x.score === undefined ? 'unranked' : x.score.toFixed(3)] : []),
    x.pareto.frontier ? 'frontier' : `< ${x.pareto.dominatedBy}`, loopList(r.loops, x.actsOn) || '-',
  ]);
  lines.push(...table(head, rows, [false, false, false, true, true, true, true, true, ...(r.view === 'weighted' ? [true] : []), false, false], width));
  const byId = new Map(r.interventions.map((x) => [x.id, x]));
  const front = r.frontier.map((id) => byId.get(id)!).map((x) => `${x.id} (L${x.level ?? '-'}, ${size(r, x.effect.p10)})`);
  lines.push('', `Pareto frontier on (robust effect, depth of leverage), no weights: ${front.join(' · ')}.`,
    `  Dominated ("< X"): X is at least as deep and at least as effective (within ${size(r, r.settings.tolerance)}), and better on one of them.`);
  const bands = [...new Set(r.interventions.map((x) => x.band))].sort((a, c) => a - c).slice(0, 3);
  lines.push(`Lexicographic (bands of ${size(r, r.settings.band)} below the best robust effect, deeper first within a band): `
    + bands.map((k) => `band ${k + 1}: ${lexOrder(r.interventions, k).join(', ')}`).join('; ') + (bands.length < new Set(r.interventions.map((x) => x.band)).size ? '; …' : '') + '.');
  if (r.view === 'weighted') {
    lines.push(`VALUE JUDGEMENT: the order above weights depth of leverage with score = robust e × (1 + β·d), β = ${r.settings.beta}, d = (12 − level)/11.`,
      '  It prefers deep leverage points by assumption, not by measurement: Meadows called her order provisional. The Pareto frontier above needs no weights.');
  }
  lines.push('', metricKind(r.metric) === 'time'
    ? `e = how much earlier or later the event comes than in the baseline, in each draw (a time of event: never a percentage); ±∞ when one of the two is censored (never happened, not by the end of the run); robust e = P10 of e;`
    : 'e = improvement / |baseline| in each draw (1 = 100% = the outcome removed); robust e = P10 of e (90% of draws do at least this well);',
    'se = Monte Carlo standard error of P(best), √(p(1−p)/N) over the N draws;',
    'Δ = intervention − baseline in the metric\'s units; level = Meadows leverage point (12 numbers … 1 paradigms), from the model file,',
    'with the level the structural rules suggest from the scenario\'s changes in brackets where it differs (rule letter, analysis-methods §4.3(b)).');
  return lines;
}

/** What the order rests on: each contested pair of neighbours, how sure, and the constants its gap varies with. */
function restsOnLines(r: LeverageRanking): string[] {
  const source = r.ensemble ? `the ${r.draws} members of ${r.ensemble}` : `the ${r.draws} draws`;
  const gap = (e: number) => (metricKind(r.metric) === 'time' ? formatDuration(e, r.timeUnit) : `${(100 * e).toFixed(1)} points of e`);
  return [`What the order rests on (measured on ${source}, no new runs):`, ...r.restsOn!.flatMap((p) => [
    `  ${p.upper} above ${p.lower}: better in ${percent(p.pUpperBetter)} of draws${p.pTied ? `, tied in ${percent(p.pTied)}` : ''}; median gap ${gap(p.gapMedian)}`,
    `    the gap varies with ${p.constants.map((c) => `${c.name} (ε² ${c.eta2.toFixed(2)} ± ${c.eta2_conf.toFixed(2)}, ρ ${c.rho >= 0 ? '+' : '−'}${Math.abs(c.rho).toFixed(2)})`).join(', ')}`,
  ]), '  ε² = first-order share of the gap\'s variance across the members (given data, binned; Plischke et al. 2013); ρ = Spearman rank correlation (+: the constant raises the upper one\'s lead).'];
}

/** Counterfactuals: what-ifs about the event, in their own table, ranked only among themselves. */
function counterfactuals(r: LeverageRanking, width?: number): string[] {
  const head = ['#', 'counterfactual', 'level', 'robust e', 'median e', 'Δ median (P10…P90)', 'P(e>0)'];
  const rows = r.counterfactuals.map((x, i) => [String(i + 1), x.id, levelCell(x), effect(r, x.effect.p10), effect(r, x.effect.median), deltas(r, x), x.effect.pPositive.toFixed(2)]);
  return ['Counterfactuals (what-ifs about the event, not changes one could make; not ranked with the remediations):',
    ...table(head, rows, [false, false, false, true, true, true, true], width)];
}

function value(r: LeverageRanking, v: number): string {
  return formatMetric(r.metric, v, { unit: r.timeUnit, origin: r.timeOrigin });
}

/** An amount of effect: a percentage of the baseline for a quantity, a duration for a time of event. */
function size(r: LeverageRanking, e: number): string {
  return metricKind(r.metric) === 'time' ? formatDuration(e, r.timeUnit).replace(/^[+−]/, '') : pct(e);
}

function effect(r: LeverageRanking, e: number): string {
  return formatEffect(r.metric, e, r.timeUnit);
}

function deltas(r: LeverageRanking, x: InterventionEntry): string {
  const d = (v: number) => (metricKind(r.metric) === 'time' ? formatDuration(v, r.timeUnit) : fmt(v));
  return `${d(x.delta.median)} (${d(x.delta.p10)}…${d(x.delta.p90)})`;
}

function viewTitle(r: LeverageRanking): string {
  if (r.view === 'lexicographic') return `epsilon-lexicographic (robust effect in bands of ${size(r, r.settings.band)}, deeper first inside a band)`;
  if (r.view === 'weighted') return `by depth-weighted score (β = ${r.settings.beta}; a value judgement, see below)`;
  return 'by robust effect, with the Pareto frontier on (robust effect, depth) marked';
}

function lexOrder(xs: readonly InterventionEntry[], band: number): string[] {
  return xs.filter((x) => x.band === band).sort((a, b) => (b.depth ?? -1) - (a.depth ?? -1) || b.effect.p10 - a.effect.p10).map((x) => x.id);
}

function levelCell(x: InterventionEntry): string {
  const own = x.level === null ? '-' : String(x.level);
  if (x.levelSource === 'auto') return `${own} auto ${x.auto?.rule ?? ''}`.trim();
  if (x.auto && x.auto.level !== x.level) return `${own} (auto ${x.auto.level}${x.auto.rule})`;
  return own;
}

function parameters(r: LeverageRanking, top: number, width?: number): string[] {
  const assumed = r.parameters.some((p) => p.range.assumed);
  const lines = [`Uncertain constants, by Morris mu* (how far each moves ${r.metric.name} over its ${assumed ? 'assumed ±50% ' : ''}range${r.sensitivity ? `; ${r.sensitivity.trajectories} trajectories, ${r.sensitivity.runs} runs` : ''}):`];
  const head = ['#', 'constant', 'level', 'rule', 'mu*', 'mu*/baseline', 'elasticity', 'range', 'why'];
  const rows = r.parameters.slice(0, top).map((p, i) => [
    String(i + 1), p.name, String(p.level.level), ruleCell(p.level), fmt(p.muStar), pct(p.relMuStar),
    p.elasticity === null ? '-' : fmt(p.elasticity), `${fmt(p.range.lo)}…${fmt(p.range.hi)}`, whyCell(p, r.loops),
  ]);
  lines.push(...table(head, rows, [false, false, true, false, true, true, true, false, false], width));
  if (r.parameters.length > top) lines.push(`  … ${r.parameters.length - top} more (see --json)`);
  lines.push('rule: B buffer size (11), C delay (9), D loop gain (8 balancing, 7 reinforcing; 12 if it conditions no loop), H goal value (12),',
    'user = the constant\'s leverage field in the model file; elasticity = (dJ/J)/(dp/p) at the model\'s values.');
  return lines;
}

function ruleCell(l: LevelSuggestion): string {
  return l.source === 'user' ? `user${l.rules[0] ? ` (auto ${l.rules[0].level}${l.rules[0].rule})` : ''}` : l.rule;
}

/**
 * Loops as readers know them: the model's declared names where it declares them, else the
 * analysis's ids — in brackets when the model names other loops, since those ids (B1, R2) are
 * numbered apart from the model's own.
 */
function loopList(f: LoopFindings | undefined, ids: readonly string[], sep = ', '): string {
  const named = f !== undefined && Object.keys(f.names).length > 0;
  return ids.map((id) => f?.names[id] ?? (named ? `(${id})` : id)).join(sep);
}

function whyCell(p: ParameterEntry, f: LoopFindings | undefined): string {
  const why = p.level.why;
  const loops = p.loops.length ? `; dominant loops ${loopList(f, p.loops)}` : '';
  return `${why.length > 90 ? `${why.slice(0, 87)}...` : why}${loops}`;
}

function loops(f: LoopFindings, width?: number): string[] {
  const w = f.window;
  const lines = [`Loops that dominate the outcome (Loops That Matter on the baseline; outcome window ${fmt(w.from)}–${fmt(w.to)}, peak at ${fmt(w.peak)}):`];
  if (!f.loops.length) return [...lines, '  no group of interacting stocks upstream of the outcome has more than one loop'];
  const head = ['loop', 'pol', 'share', 'dominant: window', 'rise', 'recovery', 'interventions acting on it', 'constants conditioning it (by mu*)', 'variables'];
  const rows = f.loops.map((l) => [
    loopList(f, [l.id]), l.polarity === 'reinforcing' ? 'R' : 'B', pct(l.share), pct(l.dominance.window), pct(l.dominance.rise), pct(l.dominance.recovery),
    l.interventions.join(' ') || '-', l.constants.join(', ') || '-', clip([...l.variables, l.variables[0]].join(' → '), 80),
  ]);
  lines.push(...table(head, rows, [false, false, true, true, true, true, false, false, false], width));
  for (const p of f.phases) {
    const span = p.phase === 'rise' ? `${fmt(w.from)}–${fmt(w.peak)}` : `${fmt(w.peak)}–${fmt(w.to)}`;
    const sets = [...p.sets.map((s) => `${loopList(f, s.loops, ' + ')} ${pct(s.share)}`), ...(p.steady > 0 ? [`steady ${pct(p.steady)}`] : [])];
    lines.push(`  ${p.phase === 'rise' ? 'Rise' : 'Recovery'} (${span}), group ${p.partition + 1} (${p.stocks.join(', ')}…): ${sets.join(', ') || 'no loop active'}`);
  }
  if (f.singleLoopPartitions) lines.push(`(${f.singleLoopPartitions} single-loop group${f.singleLoopPartitions === 1 ? '' : 's'} upstream of the outcome dominate themselves and are not listed.)`);
  if (Object.keys(f.names).length) lines.push('Loops are named as the model names them; (B7) is a loop the model does not name, by the analysis\'s own numbering.');
  lines.push('share = mean |relative loop score| in the window; dominant = share of the time the loop is in its group\'s dominant set (≥ 50% of the change);',
    'steady = times when the group\'s flows hold steady (constant-rate change, nothing for a loop to dominate).');
  return lines;
}

const pct = percent;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[], width?: number): string[] {
  return textTable([head, ...rows], { right, indent: '  ', keep: 2, width });
}
