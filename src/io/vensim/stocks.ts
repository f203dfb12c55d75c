/**
 * Turns INTEG equations into stocks with named flows. A stock whose rate is a sum or
 * difference of variables gets those variables as inflows (+) and outflows (−), and they
 * become flows; any other rate becomes one synthetic flow `<stock> net flow`, so the
 * integrated quantity is always exactly the Vensim rate.
 */
import { canonicalName } from '../../core/names.js';
import type { Expr } from '../../expr/ast.js';
import type { Variable } from '../../model/types.js';
import { fold } from './fold.js';
import { printExpr } from './print.js';
import type { Built } from './scope.js';

interface Term {
  readonly sign: 1 | -1;
  readonly e: Expr;
}

function terms(e: Expr, sign: 1 | -1, out: Term[]): Term[] {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    terms(e.left, sign, out);
    terms(e.right, e.op === '-' ? (-sign as 1 | -1) : sign, out);
  } else if (e.kind === 'unary' && (e.op === '-' || e.op === '+')) {
    terms(e.arg, e.op === '-' ? (-sign as 1 | -1) : sign, out);
  } else if (!(e.kind === 'num' && e.value === 0)) out.push({ sign, e });
  return out;
}

export function finishStocks(built: readonly Built[], freshName: (base: string) => string): Variable[] {
  const vars = new Map<string, Variable>();
  for (const b of built) if (b.k === 'var') vars.set(b.v.id, b.v);
  const stockIds = new Set(built.flatMap((b) => (b.k === 'stock' ? [canonicalName(b.name)] : [])));
  const flows = new Set<string>();
  const extra: Variable[] = [];
  const stocks: Variable[] = [];
  for (const b of built) {
    if (b.k !== 'stock') continue;
    const list = terms(b.rate, 1, []);
    const ids = list.map((t) => (t.e.kind === 'ref' ? t.e.id : ''));
    const named = list.every((t, i) => {
      const v = vars.get(ids[i]);
      return v && !stockIds.has(ids[i]) && (v.kind === 'aux' || v.kind === 'constant' || v.kind === 'flow');
    }) && new Set(ids).size === ids.length;
    const inflows: string[] = [];
    const outflows: string[] = [];
    if (named) {
      list.forEach((t, i) => {
        flows.add(ids[i]);
        (t.sign > 0 ? inflows : outflows).push(vars.get(ids[i])!.name);
      });
    } else if (list.length) {
      const name = freshName(`${b.name} net flow`);
      const value = fold(b.rate);
      extra.push({ kind: 'flow', name, id: canonicalName(name), equation: value === undefined ? printExpr(b.rate) : String(value), origin: b.origin, doc: `Net rate of ${b.name} (from its INTEG equation).`, ...(b.partOf ? { partOf: b.partOf } : {}) });
      inflows.push(name);
    }
    const init = fold(b.initial);
    stocks.push({
      kind: 'stock', name: b.name, id: canonicalName(b.name), units: b.units, doc: b.doc, origin: b.origin,
      initial: init === undefined ? printExpr(b.initial) : String(init), inflows, outflows, ...(b.partOf ? { partOf: b.partOf } : {}),
    });
  }
  const out: Variable[] = [];
  let si = 0;
  for (const b of built) {
    if (b.k === 'stock') {
      out.push(stocks[si++]);
      continue;
    }
    const v = b.v;
    const part = v.partOf ? { partOf: v.partOf } : {};
    if (!flows.has(v.id)) out.push(v);
    else if (v.kind === 'constant') out.push({ kind: 'flow', name: v.name, id: v.id, units: v.units, doc: v.doc, origin: v.origin, equation: String(v.value), ...part });
    else if (v.kind === 'aux') out.push({ kind: 'flow', name: v.name, id: v.id, units: v.units, doc: v.doc, origin: v.origin, equation: v.equation, ...(v.gf ? { gf: v.gf } : {}), ...part });
    else out.push(v);
  }
  return [...out, ...extra];
}
