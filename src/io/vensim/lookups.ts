/**
 * Vensim functions that read a whole lookup or data series rather than its value at one x.
 * Each becomes a native table function (builtins/table-functions.ts, semantics and sources in
 * builtins/tables.ts) whose first argument names the lookup or data variable itself:
 * - LOOKUP EXTRAPOLATE(lookup, x), and TABXL(lookup, x), DYNAMO's name for it (Ventana
 *   forum, "How to convert lookup extrapolate function to stella", Bob Eberlein: "in Dynamo
 *   it was called TABXL"; xmutil translates TABXL so) → lookup_extrapolate;
 * - LOOKUP FORWARD/BACKWARD(lookup, x) → lookup_forward/backward;
 * - LOOKUP AREA(lookup, start, end) → lookup_area;
 * - LOOKUP INVERT(lookup, y) → lookup_invert, :NA: when y is outside the lookup's values;
 * - GET DATA BETWEEN TIMES(data, time, mode), GET DATA AT TIME(data, time), GET DATA
 *   FIRST/LAST TIME(data), GET DATA TOTAL POINTS(data), GET DATA MIN/MAX/MEAN(data, start,
 *   end) → data_between, data_at, data_first_time/last_time, data_points, data_min/max/mean,
 *   :NA: where Vensim documents it.
 * The LOOKUP functions take a lookup; the GET DATA functions a data variable read from a data
 * file or GET XLS/DIRECT DATA (Vensim gives :NA: for any other variable; stockflow reports it).
 */
import { error } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import { call, num, type Expr } from '../../expr/ast.js';
import type { Definition, VExpr } from './ast.js';
import { NA_VALUE } from './builtins.js';
import { instanceName, resolveRef, varRef } from './resolve.js';
import { where, type Scope, type VarInfo } from './scope.js';
import { arity, translateAll } from './translate.js';

interface TableCall {
  readonly fn: string;
  readonly args: number;
  readonly of: 'lookup' | 'data';
  /** Append Vensim's :NA: as the native `outside`/`missing` argument. */
  readonly na?: boolean;
}

const lookupCall = (fn: string, args: number, na = false): TableCall => ({ fn, args, of: 'lookup', na });
const dataCall = (fn: string, args: number, na = false): TableCall => ({ fn, args, of: 'data', na });

/** Vensim canonical name → native table function. */
export const TABLE_CALLS: Readonly<Record<string, TableCall>> = {
  lookup_extrapolate: lookupCall('lookup_extrapolate', 2),
  tabxl: lookupCall('lookup_extrapolate', 2),
  lookup_forward: lookupCall('lookup_forward', 2),
  lookup_backward: lookupCall('lookup_backward', 2),
  lookup_area: lookupCall('lookup_area', 3),
  lookup_invert: lookupCall('lookup_invert', 2, true),
  get_data_between_times: dataCall('data_between', 3, true),
  get_data_at_time: dataCall('data_at', 2, true),
  get_data_first_time: dataCall('data_first_time', 1),
  get_data_last_time: dataCall('data_last_time', 1),
  get_data_total_points: dataCall('data_points', 1),
  get_data_min: dataCall('data_min', 3, true),
  get_data_max: dataCall('data_max', 3, true),
  get_data_mean: dataCall('data_mean', 3, true),
};

export function translateTableCall(id: string, e: Extract<VExpr, { k: 'call' }>, sc: Scope): Expr | undefined {
  const spec = TABLE_CALLS[id];
  if (!arity(e, sc, spec.args)) return undefined;
  const table = tableArg(e.args[0], spec.of, e.fn, sc);
  const rest = translateAll(e.args.slice(1), sc);
  if (!table || !rest) return undefined;
  return call(spec.fn, table, ...rest, ...(spec.na ? [num(NA_VALUE)] : []));
}

/** The first argument as a reference to the lookup or data variable it names. */
function tableArg(arg: VExpr, of: TableCall['of'], fn: string, sc: Scope): Expr | undefined {
  const what = of === 'lookup' ? 'a lookup' : 'a data variable';
  const fail = (hint: string): undefined => {
    sc.index.diags.push(error('not-a-lookup', `the first argument of ${fn.toUpperCase()} must be the name of ${what}`, where(sc, arg.pos, { hint })));
    return undefined;
  };
  if (arg.k !== 'ref') return fail('write the name itself, not an expression or a call');
  const id = canonicalName(arg.name);
  if (of === 'lookup' && sc.rename?.has(id) && arg.subs.length === 0) return varRef(sc.rename.get(id)!);
  const v = sc.index.vars.get(id);
  if (!v) return resolveRef(arg, sc); // reports the unknown name
  if (of === 'lookup' && !v.lookup) return fail(`'${v.name}' is not a lookup: define it as a table of points, e.g. ${v.name}((0,0),(1,1))`);
  if (of === 'data' && !isData(v)) return fail(`'${v.name}' is not a data variable: GET DATA functions read series from a data file or GET XLS/DIRECT DATA`);
  const name = instanceName(v, arg.subs, arg.pos, sc);
  return name === undefined ? undefined : varRef(name);
}

/** Defined as data read from a file (`x :INTERPOLATE:`, `x ~~|`) or GET XLS/DIRECT DATA. */
function isData(v: VarInfo): boolean {
  const external = (d: Definition) => d.body.k === 'expr' && d.body.expr.k === 'call' && /^get_(xls|direct)_data$/.test(canonicalName(d.body.expr.fn));
  return v.defs.length > 0 && v.defs.every((d) => d.body.k === 'data' || external(d));
}
