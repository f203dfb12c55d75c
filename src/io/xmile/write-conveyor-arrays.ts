/**
 * Arrayed conveyors written as XMILE 1.0 conveyors (§4.2.1, §3.7.1), as scalar ones are
 * (write-conveyor.ts): an arrayed stock (write-arrays.ts) each of whose elements is a whole
 * conveyor, as readXmile expands `<stock><dimensions>…<conveyor>` into, is written as one
 * `<stock>` with its `<dimensions>`, per-element initial values and one `<conveyor>`; its
 * outflow array has no equation and each leakage flow array has `<leak/>`.
 *
 * XMILE gives an arrayed stock one `<conveyor>`, so `<len>`, `<sample>` and `<arrest>` are one
 * equation for all elements, read in each element's context. Each element's equation is
 * written with its references to same-dimensioned arrays at that element (`wait[a]` for
 * element a) as the array over the stock's dimensions (`wait[Dim1]`); when every element then
 * gives the same text, that is the equation. The leak zone and whole-unit flag are attributes
 * of the leakage flow, so they must agree across elements; leak fractions and inflow requests
 * stay per-element `<eqn>`s. Anything else stays `stockflow.conveyor(…)` per element.
 */
import type { Model, Variable } from '../../model/types.js';
import { canonicalName, xmileRef } from './names.js';
import type { ArrayGroup, ArrayPlan } from './write-arrays.js';
import { flowsByName, stockConveyor, type ConveyorPlan, type ConveyorStock, type LeakFlow, type StockConveyor } from './write-conveyor.js';

/** XMILE text of a native equation of `variable` with the given names, or undefined when it cannot be written. */
export type XmileText = (native: string, names: ReadonlyMap<string, string>, variable: string) => string | undefined;

/** `plan` with the model's arrayed conveyors added; `arrays` holds their `<conveyor>` as XMILE text. */
export function withArrayedConveyors(model: Model, plan: ConveyorPlan, arrays: ArrayPlan, xmile: XmileText): ConveyorPlan {
  const flows = flowsByName(model);
  const isArrayed = (v: Variable) => arrays.groupOf.has(v);
  const out = {
    stocks: plan.stocks, arrays: new Map(plan.arrays), outflows: new Set(plan.outflows),
    leaks: new Map(plan.leaks), requests: new Map(plan.requests),
  };
  for (const g of arrays.groups) {
    if (g.kind !== 'stock') continue;
    const each = g.members.map((m) => (m.v.kind === 'stock' ? stockConveyor(m.v, flows, isArrayed) : undefined));
    if (each.some((c) => !c)) continue;
    const stock = commonConveyor(g, each as StockConveyor[], arrays, xmile);
    if (!stock || !sameZones(each as StockConveyor[])) continue;
    out.arrays.set(g.base, stock);
    for (const c of each as StockConveyor[]) {
      out.outflows.add(c.outflow);
      for (const [n, l] of c.leaks) out.leaks.set(n, l);
      for (const [n, r] of c.requests) out.requests.set(n, r);
    }
  }
  return out;
}

/** The `<conveyor>` all elements share, as XMILE text; undefined when the elements differ. */
function commonConveyor(g: ArrayGroup, each: readonly StockConveyor[], arrays: ArrayPlan, xmile: XmileText): ConveyorStock | undefined {
  if (each.some((c) => c.stock.exponential !== each[0].stock.exponential)) return undefined;
  const names = new Map(arrays.refs);
  const texts = { len: new Set<string | undefined>(), sample: new Set<string | undefined>(), arrest: new Set<string | undefined>() };
  g.members.forEach((m, i) => {
    const own = sameElement(g, m.elems, arrays);
    for (const [id, text] of own) names.set(id, text);
    for (const f of ['len', 'sample', 'arrest'] as const) {
      const native = each[i].stock[f];
      texts[f].add(native === undefined ? '' : xmile(native, names, g.base) ?? '\u0000');
    }
    for (const id of own.keys()) names.set(id, arrays.refs.get(id)!);
  });
  const one = (f: keyof typeof texts) => (texts[f].size === 1 ? [...texts[f]][0] : undefined);
  const len = one('len');
  const sample = one('sample');
  const arrest = one('arrest');
  if (!len || len === '\u0000' || sample === undefined || sample === '\u0000' || arrest === undefined || arrest === '\u0000') return undefined;
  return { len, exponential: each[0].stock.exponential, ...(sample ? { sample } : {}), ...(arrest ? { arrest } : {}) };
}

/** Canonical names of the elements at `elems` of arrays dimensioned as g → those arrays over g's dimensions. */
function sameElement(g: ArrayGroup, elems: readonly string[], arrays: ArrayPlan): Map<string, string> {
  const key = elems.map(canonicalName).join(',');
  const subs = `[${g.dims.map((d) => xmileRef(d.name)).join(', ')}]`;
  const out = new Map<string, string>();
  for (const h of arrays.groups) {
    if (h.dims.length !== g.dims.length || h.dims.some((d, k) => d !== g.dims[k])) continue;
    const m = h.members.find((x) => x.elems.map(canonicalName).join(',') === key);
    if (m) out.set(canonicalName(m.v.name), `${xmileRef(h.base)}${subs}`);
  }
  return out;
}

/** Whether each leakage flow array has one zone and whole-unit flag across the elements. */
function sameZones(each: readonly StockConveyor[]): boolean {
  const zones = (c: StockConveyor) => [...c.leaks.values()].map((l: LeakFlow) => `${l.start},${l.end},${l.integers}`).join('|');
  return each.every((c) => zones(c) === zones(each[0]));
}
