/**
 * Builds the variable one scalar instance of a definition declares: a stock for INTEG, an
 * auxiliary with a graphical function for WITH LOOKUP, a lookup for a table, a constant for
 * a number (or an equation of numbers), data and constants read from spreadsheets, and an
 * auxiliary otherwise.
 */
import { error, warning } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { LookupTable } from '../../model/types.js';
import type { LookupPoints, VExpr } from './ast.js';
import { dataFileSeries } from './datafile.js';
import { externalConstant, externalData, externalLookup, isExternal, withMode } from './external.js';
import { fold } from './fold.js';
import { printExpr } from './print.js';
import { where, type Built, type Instance, type Scope } from './scope.js';
import { arity, translate } from './translate.js';
import { WRONG_ARITY } from '../../builtins/arity.js';
import { NA_VALUE } from './builtins.js';

/**
 * A lookup table from points. Vensim clamps at the ends (Vensim reference, "Lookups"), which
 * is `continuous`. Points are sorted by x; a repeated x keeps its last point.
 */
export function makeTable(points: LookupPoints, sc: Scope, pos: number): LookupTable | undefined {
  if (points.length === 0) {
    sc.index.diags.push(error('empty-lookup', 'the lookup has no points', where(sc, pos)));
    return undefined;
  }
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  if (sorted.some((p, i) => p !== points[i])) {
    sc.index.diags.push(warning('unsorted-lookup', 'the lookup x values are not increasing; the points were sorted by x', where(sc, pos)));
  }
  const out: [number, number][] = [];
  for (const [x, y] of sorted) {
    if (out.length && out[out.length - 1][0] === x) out[out.length - 1] = [x, y];
    else out.push([x, y]);
  }
  return { points: out, interpolation: 'continuous' };
}

export function buildInstance(inst: Instance, count: number, sc: Scope): Built | undefined {
  const { def } = inst;
  const loc = sc.index.locate(def.pos);
  const base = {
    name: inst.name, id: canonicalName(inst.name), units: def.units, doc: def.doc,
    origin: { file: sc.index.file, line: loc.line, column: loc.column },
  };
  const body = def.body;
  switch (body.k) {
    case 'list': {
      if (body.values.length !== count) {
        sc.index.diags.push(error('wrong-count', `${body.values.length} numbers given for ${count} elements`, where(sc, def.pos, { hint: 'give one number per element, rows separated by ;' })));
        return undefined;
      }
      return { k: 'var', v: { ...base, kind: 'constant', value: body.values[inst.index] } };
    }
    case 'lookup': {
      const table = makeTable(body.points, sc, def.pos);
      return table && { k: 'var', v: { ...base, kind: 'lookup', table } };
    }
    case 'lookupCall': {
      const table = externalLookup(body.expr, inst, sc);
      return table && { k: 'var', v: { ...base, kind: 'lookup', table } };
    }
    case 'data': {
      const gf = dataFileSeries(inst, body.mode, sc);
      // no data: :NA: at every time, still a series over time, so GET DATA functions can read it
      if (gf === 'na') return { k: 'var', v: { ...base, kind: 'aux', equation: 'time', gf: { points: [[0, NA_VALUE]], interpolation: 'discrete' } } };
      return { k: 'var', v: { ...base, kind: 'aux', equation: 'time', gf } };
    }
    case 'expr':
      return buildExpr(body.expr, body.mode, inst, base, { ...sc, top: body.expr });
  }
}

type Base = Omit<Extract<Built, { k: 'stock' }>, 'k' | 'rate' | 'initial'> & { id: string };

function buildExpr(e: VExpr, mode: string | undefined, inst: Instance, base: Base, sc: Scope): Built | undefined {
  const fn = e.k === 'call' ? canonicalName(e.fn) : '';
  if (e.k === 'call' && fn === 'integ') {
    if (!arity(e, sc, 2)) return undefined;
    const rate = translate(e.args[0], sc);
    const initial = translate(e.args[1], { ...sc, initial: true });
    return rate && initial ? { k: 'stock', ...base, rate, initial } : undefined;
  }
  if (e.k === 'call' && fn === 'with_lookup') {
    const tableArg = e.args[1];
    if (e.args.length !== 2 || tableArg.k !== 'table') {
      sc.index.diags.push(error(WRONG_ARITY, `WITH LOOKUP takes 2 arguments (an input and a lookup table)${e.args.length === 2 ? ', and its second is not a lookup table' : `, not ${e.args.length}`}`, where(sc, e.pos)));
      return undefined;
    }
    const input = translate(e.args[0], sc);
    const gf = makeTable(tableArg.points, sc, tableArg.pos);
    return input && gf ? { k: 'var', v: { ...base, kind: 'aux', equation: printExpr(input), gf } } : undefined;
  }
  if (e.k === 'call' && isExternal(fn)) {
    if (fn.endsWith('_constants')) {
      const value = externalConstant(e, inst, sc);
      return value === undefined ? undefined : { k: 'var', v: { ...base, kind: 'constant', value } };
    }
    if (fn.endsWith('_lookups')) {
      const table = externalLookup(e, inst, sc);
      return table && { k: 'var', v: { ...base, kind: 'lookup', table } };
    }
    const gf = externalData(e, mode, inst, sc);
    return gf && { k: 'var', v: { ...base, kind: 'aux', equation: 'time', gf } };
  }
  const expr = translate(e, sc);
  if (!expr) return undefined;
  const value = fold(expr);
  if (value !== undefined && Number.isFinite(value)) return { k: 'var', v: { ...base, kind: 'constant', value } };
  return { k: 'var', v: { ...base, kind: 'aux', equation: printExpr(expr) } };
}
