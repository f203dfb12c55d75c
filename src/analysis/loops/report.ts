/**
 * The readable text report of a loop analysis: a loop table per cycle partition and a
 * dominance timeline (a strip per dominant loop set, then the periods). Returns text; the
 * CLI prints it.
 */
import type { DominancePeriod, Loop, LoopAnalysis } from './types.js';
import { textTable } from '../../core/text-table.js';

export interface LoopReportOptions {
  /** Loops listed per partition (the rest are summarised); default 20. */
  readonly top?: number;
  /** Width of the timeline strips in characters; default 60. */
  readonly width?: number;
  /** The widest line of the loop tables (the terminal's); absent: no limit. */
  readonly lineWidth?: number;
  /** Periods listed per partition; default 30. */
  readonly periods?: number;
}

export function formatLoopReport(a: LoopAnalysis, o: LoopReportOptions = {}): string {
  const lines: string[] = [];
  const nParts = a.partitions.length;
  const search = a.search === 'exhaustive' ? 'every loop, by Johnson\'s algorithm' : 'strongest-path search (loops may be missing)';
  lines.push(`Feedback loops of '${a.model}': ${a.loops.length} loop${a.loops.length === 1 ? '' : 's'} in ${nParts} cycle partition${nParts === 1 ? '' : 's'} (${search})`);
  if (!a.loops.length) return `${lines[0]}\nNo feedback loops: every variable is determined by constants and time.\n`;
  lines.push(`Loops That Matter scores: 2023 flow-to-stock formula with the dt correction (dt = ${fmt(a.dt)}); a score at time t`);
  lines.push(a.labels === 'interval-end' ? 'covers the dt interval ending at t (interval-end labels).' : 'covers the dt interval starting at t (interval-start labels, as Stella).');
  a.partitions.forEach((p, i) => {
    lines.push('', `Partition ${i + 1}: ${p.loops.length} loop${p.loops.length === 1 ? '' : 's'} over stocks ${list(p.stocks, 8)}`);
    lines.push(...loopTable(a.loops.filter((l) => l.partition === i), o.top ?? 20, o.lineWidth));
  });
  lines.push('', 'share: mean |relative loop score| over the run; peak: its maximum. Polarity R/B: from the signs of the',
    'links (∂z/∂x); R?/B?: some link\'s sign varies, so from the sign of the loop score; ±: the loop score changed sign.');
  lines.push('', `Dominance (the fewest loops whose |relative scores| add up to >= 50% of their partition):`);
  a.partitions.forEach((_, i) => lines.push(...timeline(a, i, o)));
  return `${lines.join('\n')}\n`;
}

function loopTable(loops: readonly Loop[], top: number, width?: number): string[] {
  const rows = loops.slice(0, top).map((l) => [
    l.id,
    `${l.polarity === 'reinforcing' ? 'R' : 'B'}${l.polarityFromStructure ? '' : '?'}${l.polarityChanges ? ' ±' : ''}`,
    pct(l.importance), pct(peak(l.relative)),
    (l.name ? `[${l.name}] ` : '') + l.variables.join(' → ') + (l.through.length ? `   [via ${l.through.join(', ')}]` : ''),
  ]);
  const out = textTable([['id', 'polarity', 'share', 'peak', '[name the model gives it] loop (variables in order, back to the first)'], ...rows], { right: [false, false, true, true, false], indent: '  ', width });
  if (loops.length > top) {
    const rest = loops.slice(top);
    out.push(`  … ${rest.length} more loops, together ${pct(rest.reduce((s, l) => s + l.importance, 0))} mean share (see --json)`);
  }
  return out;
}

function timeline(a: LoopAnalysis, p: number, o: LoopReportOptions): string[] {
  const periods = a.dominance.filter((d) => d.partition === p);
  const t0 = a.time[0];
  const t1 = a.time[a.time.length - 1];
  const width = o.width ?? 60;
  const out = [`  Partition ${p + 1}: ${fmt(t0)} … ${fmt(t1)}`];
  if (!periods.length) return [...out, '    no loop is ever active (the stocks do not move, or move only from outside)'];
  const sets = new Map<string, { label: string; total: number; cells: Set<number> }>();
  const span = t1 - t0 || 1;
  const cell = (t: number) => Math.min(width - 1, Math.floor(((t - t0) / span) * width));
  for (const d of periods) {
    const label = d.loops.join(' + ');
    if (!sets.has(label)) sets.set(label, { label, total: 0, cells: new Set() });
    const s = sets.get(label)!;
    s.total += d.to - d.from + stepOf(a);
    for (let c = cell(d.from); c <= cell(d.to); c++) s.cells.add(c);
  }
  const ranked = [...sets.values()].sort((x, y) => y.total - x.total).slice(0, 12);
  const labelWidth = Math.min(24, Math.max(...ranked.map((s) => s.label.length)));
  for (const s of ranked) {
    const strip = Array.from({ length: width }, (_, c) => (s.cells.has(c) ? '█' : '·')).join('');
    out.push(`    ${clip(s.label, labelWidth).padEnd(labelWidth)}  ${strip}`);
  }
  if (sets.size > ranked.length) out.push(`    … ${sets.size - ranked.length} more loop sets dominate briefly`);
  const rows = condense(periods, span / width, stepOf(a));
  out.push(`    periods${rows.length < periods.length ? ' (runs of periods shorter than one strip cell shown as "mixed")' : ''}:`);
  const limit = o.periods ?? 30;
  for (const d of rows.slice(0, limit)) out.push(`      ${fmt(d.from).padStart(8)} … ${fmt(d.to).padEnd(8)}  ${d.text}`);
  if (rows.length > limit) out.push(`      … ${rows.length - limit} more periods (see --json)`);
  return out;
}

/** Periods for reading: adjacent runs of short periods merge into one "mixed" row. */
function condense(periods: readonly DominancePeriod[], minSpan: number, step: number): { from: number; to: number; text: string }[] {
  const out: { from: number; to: number; text: string }[] = [];
  const short = (d: DominancePeriod) => d.to - d.from + step < minSpan;
  for (let i = 0; i < periods.length; i++) {
    let j = i;
    while (short(periods[i]) && j + 1 < periods.length && short(periods[j + 1]) && periods[j + 1].from - periods[j].to <= 1.5 * step) j++;
    if (j === i) {
      const d = periods[i];
      out.push({ from: d.from, to: d.to, text: `${d.loops.join(' + ')}  (${pct(d.share)})` });
      continue;
    }
    const time = new Map<string, number>();
    for (const d of periods.slice(i, j + 1)) for (const l of d.loops) time.set(l, (time.get(l) ?? 0) + d.to - d.from + step);
    const ids = [...time.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id);
    out.push({ from: periods[i].from, to: periods[j].to, text: `mixed: ${list(ids, 6)} alternate` });
    i = j;
  }
  return out;
}

function stepOf(a: LoopAnalysis): number {
  return a.time.length > 1 ? a.time[1] - a.time[0] : 0;
}


function peak(xs: Float64Array): number {
  let m = 0;
  for (const x of xs) m = Math.max(m, Math.abs(x));
  return m;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const list = (xs: readonly string[], n: number) => (xs.length > n ? `${xs.slice(0, n).join(', ')} and ${xs.length - n} more` : xs.join(', '));
