/**
 * Composite outcome metrics that count one loss twice. A metric over a sum of indicators
 * (service-hours over eight services, say) double-counts when one indicator is only a
 * transformation of another: a *function* of it (computed from it and constants alone,
 * through auxiliaries) or a *delayed follower* (a stock whose flows read only it, the stock
 * itself and constants, or other such followers: a smooth or a reconciliation delay). Both
 * are read off the model graph, so the check needs no run. An indicator with dynamics of its
 * own (a buffer that fills, a fix being rolled out) is not a follower, even if the same root
 * cause drives it.
 */
import { warning, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName } from '../core/names.js';
import { references, type Expr } from '../expr/ast.js';
import { parseEquation } from '../expr/parse.js';
import type { Model, Variable } from '../model/types.js';

type Relation = 'function' | 'delayed follower';

/** Warnings for every metric whose variable adds an indicator and a function or follower of it. */
export function checkComposites(model: Model): Diagnostic[] {
  const g = graphOf(model);
  const out: Diagnostic[] = [];
  for (const m of model.metrics ?? []) {
    const v = g.vars.get(canonicalName(m.variable));
    if (!v || (v.kind !== 'aux' && v.kind !== 'flow')) continue;
    const expr = g.expr(v.id);
    if (!expr) continue;
    const terms = additiveTerms(expr).map((t) => [...references(t)].filter((id) => g.vars.has(id) && !isFixed(g.vars.get(id)!)));
    for (let i = 0; i < terms.length; i++) {
      for (let j = 0; j < terms.length; j++) {
        if (i === j) continue;
        for (const b of terms[i]) {
          for (const a of terms[j]) {
            const rel = a !== b ? relation(g, b, a) : undefined;
            if (!rel) continue;
            const [nb, na] = [g.vars.get(b)!.name, g.vars.get(a)!.name];
            out.push(warning('composite-double-count',
              `metric '${m.name}' adds '${nb}' and '${na}', but '${nb}' is a ${rel} of '${na}': the loss of '${na}' is counted twice`,
              { file: model.file, field: `metrics.${m.name}`, variable: v.name, hint: `count each independent failure once (drop '${nb}' from the sum or weigh the two together), write the weights down as a value judgement, and compare per-indicator metrics side by side` }));
          }
        }
      }
    }
  }
  return out;
}

interface Graph {
  readonly vars: Map<string, Variable>;
  /** The parsed equation of an auxiliary or flow, parsed on first use (a check walks few of them). */
  readonly expr: (id: string) => Expr | undefined;
}

function graphOf(model: Model): Graph {
  const vars = new Map(model.variables.map((v) => [v.id, v]));
  const exprs = new Map<string, Expr | undefined>();
  const expr = (id: string): Expr | undefined => {
    if (exprs.has(id)) return exprs.get(id);
    const v = vars.get(id);
    const parsed = v && (v.kind === 'aux' || v.kind === 'flow') ? parseEquation(v.equation).expr : undefined;
    exprs.set(id, parsed);
    return parsed;
  };
  return { vars, expr };
}

/** The terms of a top-level sum or difference. */
function additiveTerms(e: Expr): Expr[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) return [...additiveTerms(e.left), ...additiveTerms(e.right)];
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+')) return additiveTerms(e.arg);
  return [e];
}

function isFixed(v: Variable): boolean {
  return v.kind === 'constant' || v.kind === 'lookup';
}

function relation(g: Graph, b: string, a: string): Relation | undefined {
  const v = g.vars.get(b)!;
  if (v.kind === 'stock') return follows(g, b, a, new Set()) ? 'delayed follower' : undefined;
  const leaves = sources(g, b, a);
  return leaves && leaves.has(a) && leaves.size === 1 ? 'function' : undefined;
}

/** A stock whose flows read only `a`, itself, constants and other followers of `a`. */
function follows(g: Graph, stock: string, a: string, visiting: Set<string>): boolean {
  const s = g.vars.get(stock);
  if (!s || s.kind !== 'stock' || visiting.has(stock)) return false;
  visiting.add(stock);
  let reaches = false;
  for (const f of [...s.inflows, ...s.outflows]) {
    const leaves = sources(g, canonicalName(f), a);
    if (!leaves) return false;
    for (const x of leaves) {
      if (x === a) reaches = true;
      else if (x !== stock && !follows(g, x, a, visiting)) return false;
      else if (x !== stock) reaches = true;
    }
  }
  return reaches;
}

/**
 * The non-constant variables `id` is computed from through auxiliaries and flows, stopping at
 * `a` and at stocks; undefined when it reads anything that is not a model variable (time).
 */
function sources(g: Graph, id: string, a: string): Set<string> | undefined {
  const out = new Set<string>();
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const x = stack.pop()!;
    if (seen.has(x)) continue;
    seen.add(x);
    const v = g.vars.get(x);
    if (!v) return undefined;
    if (isFixed(v)) continue;
    if (x === a || (v.kind === 'stock' && x !== id)) { out.add(x); continue; }
    const e = g.expr(x);
    if (!e) return undefined;
    for (const r of references(e)) {
      if (!g.vars.has(r)) return undefined;
      stack.push(r);
    }
  }
  return out;
}
