/**
 * Translates Vensim expressions into the native equation tree (src/expr/ast.ts) for one
 * scalar instance: subscripts are resolved to elements, Vensim builtins become native
 * functions or equivalent native expressions, array functions become n-ary expressions.
 */
import { error } from '../../core/diagnostics.js';
import { arityProblem, WRONG_ARITY } from '../../builtins/arity.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import { call, mapExpr, num, type BinaryOp, type Expr } from '../../expr/ast.js';
import type { VExpr } from './ast.js';
import { INPUT_INITIALISED, NA_VALUE, REWRITES, SIMPLE, timeValue } from './builtins.js';
import { printExpr } from './print.js';
import { reduce, REDUCERS } from './arrays.js';
import { expandMacro } from './macros.js';
import { instanceName, resolveRef, varRef } from './resolve.js';
import { where, type Scope } from './scope.js';
import { translateDelay, VENSIM_DELAYS } from './delays.js';
import { translateSinteg } from './sinteg.js';
import { translateVector, VECTOR_FUNCTIONS } from './vectors.js';
import { TABLE_CALLS, translateTableCall } from './lookups.js';
import { refuse, REFUSED_FUNCTIONS } from './refused.js';

const BINARY: Readonly<Record<string, BinaryOp>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '^': '^', '=': '==', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', and: 'and', or: 'or',
};

const TIME_VALUE_HINT = 'the calendar measures 1–10 follow the time labels of Vensim\'s Model Settings, whose starting date and storage in the .mdl file the reference does not give, and relative to 2 reads the computer clock; compute calendar values from Time in an equation of your own';

/** Functions valid only as the whole right-hand side; handled by the definition builder. */
const TOP_LEVEL = new Set(['integ', 'with_lookup', 'tabbed_array', 'get_xls_constants', 'get_direct_constants', 'get_xls_data', 'get_direct_data', 'get_xls_lookups', 'get_direct_lookups']);

export function translate(e: VExpr, sc: Scope): Expr | undefined {
  switch (e.k) {
    case 'num': return num(e.value);
    case 'na': return num(NA_VALUE);
    case 'ref': return resolveRef(e, sc);
    case 'unary': {
      const a = translate(e.arg, sc);
      return a && { kind: 'unary', op: e.op, arg: a };
    }
    case 'binary': {
      const l = translate(e.left, sc);
      const r = translate(e.right, sc);
      return l && r && { kind: 'binary', op: BINARY[e.op], left: l, right: r };
    }
    case 'call': return translateCall(e, sc);
    case 'str':
      sc.index.diags.push(error('unexpected-string', `the string '${e.value}' is only allowed as an argument of GET XLS/GET DIRECT functions`, where(sc, e.pos)));
      return undefined;
    case 'table':
      sc.index.diags.push(error('unexpected-lookup', 'a lookup table is only allowed as the second argument of WITH LOOKUP', where(sc, e.pos)));
      return undefined;
  }
}

/** Translates every argument; undefined if any fails (diagnostics already emitted). */
export function translateAll(args: readonly VExpr[], sc: Scope): Expr[] | undefined {
  const out = args.map((a) => translate(a, sc));
  return out.every((a) => a !== undefined) ? (out as Expr[]) : undefined;
}

export function arity(e: Extract<VExpr, { k: 'call' }>, sc: Scope, min: number, max = min): boolean {
  const problem = arityProblem(e.fn, min, max, e.args.length);
  if (problem) sc.index.diags.push(error(WRONG_ARITY, problem, where(sc, e.pos)));
  return !problem;
}

function translateCall(e: Extract<VExpr, { k: 'call' }>, sc: Scope): Expr | undefined {
  const id = canonicalName(e.fn);
  const { index } = sc;
  const v = index.vars.get(id);
  if (v?.lookup || sc.rename?.has(id)) {
    if (!arity(e, sc, 1)) return undefined;
    const name = sc.rename?.get(id) ?? instanceName(v!, e.subs, e.pos, sc);
    const x = translate(e.args[0], sc);
    return name !== undefined && x ? call('lookup', varRef(name), x) : undefined;
  }
  if (index.macros.has(id)) return expandMacro(index.macros.get(id)!, e, sc);
  if (e.outputs) {
    index.diags.push(error('syntax-error', `names after a colon are outputs of a macro call, and ${e.fn} is not a macro`, where(sc, e.outputs[0].pos)));
    return undefined;
  }
  if (id === 'if_then_else') {
    if (!arity(e, sc, 3)) return undefined;
    const a = translateAll(e.args, sc);
    return a && { kind: 'if', cond: a[0], then: a[1], else: a[2] };
  }
  const simple = SIMPLE[id];
  if (simple) {
    if (!arity(e, sc, simple.min, simple.max)) return undefined;
    const a = translateAll(e.args, sc);
    if (!a) return undefined;
    const args = simple.order ? simple.order.map((i) => a[i]) : a;
    if (INPUT_INITIALISED[id] === e.args.length) {
      // the implicit initial value is the input's initial value, which may differ from its
      // running value when it reads an ACTIVE INITIAL variable
      const start = translate(e.args[0], { ...sc, initial: true });
      if (start && printExpr(start) !== printExpr(args[0])) args.push(start);
    }
    if (simple.fn === 'init') return translate(e.args[0], { ...sc, initial: true }) && call('init', translate(e.args[0], { ...sc, initial: true })!);
    if ((id === 'delay_n' || id === 'smooth_n') && args[2].kind !== 'num') {
      // the order is fixed when the run starts (Vensim reference, DELAY N / SMOOTH N)
      const n = index.initialValue(args[2]);
      if (n !== undefined) args[2] = num(n);
    }
    return call(simple.fn, ...args);
  }
  const rewrite = REWRITES[id];
  if (rewrite) {
    if (!arity(e, sc, rewrite.arity)) return undefined;
    const a = translateAll(e.args, sc);
    return a && rewrite.build(a, sc.variable);
  }
  if ((id === 'min' || id === 'max') && e.args.length >= 2) {
    const a = translateAll(e.args, sc);
    return a && call(id, ...a);
  }
  if (REDUCERS[id] || id === 'min' || id === 'max') {
    if (!arity(e, sc, 1)) return undefined;
    return reduce(id === 'min' ? 'vmin' : id === 'max' ? 'vmax' : id, e.args[0], sc);
  }
  if (id === 'elmcount') {
    const arg = e.args[0];
    const dim = arg?.k === 'ref' && arg.subs.length === 0 ? index.dims.get(canonicalName(arg.name)) : undefined;
    if (!arity(e, sc, 1)) return undefined;
    if (dim) return num(dim.elements.length);
    index.diags.push(error('bad-argument', 'ELMCOUNT takes the name of a subscript range', where(sc, e.pos)));
    return undefined;
  }
  if (id === 'active_initial') {
    // ACTIVE INITIAL(active, initial): `initial` while the model initialises, `active`
    // afterwards (Vensim reference, ACTIVE INITIAL). References made while initialising
    // (stock initial values, INITIAL(), implicit initial values of SMOOTH/DELAY) see
    // `initial` through resolveRef; everything else sees `active`.
    if (!arity(e, sc, 2)) return undefined;
    return translate(e.args[sc.initial ? 1 : 0], sc);
  }
  if (id === 'sample_if_true') {
    // SAMPLE IF TRUE(cond, input, initial): input while cond holds, else the value kept from
    // the last time it held; initial before it ever held (Vensim reference).
    if (!arity(e, sc, 3)) return undefined;
    if (sc.top !== e) {
      index.diags.push(error('unsupported-construct', 'SAMPLE IF TRUE must be the whole right-hand side of its equation', where(sc, e.pos, { hint: 'move it into an auxiliary of its own' })));
      return undefined;
    }
    const a = translateAll(e.args, sc);
    if (!a) return undefined;
    // Vensim keeps the sampled value as a state: where the condition or the input names the
    // variable itself (a running minimum), they read the value held so far, not the one being
    // computed (Vensim's own run of SDEverywhere's `sample`: the sample of `Time` taken at 5
    // shows at 5, so the held value is the previous step's).
    const self = canonicalName(sc.variable);
    const held = call('previous', varRef(sc.variable), a[2]);
    const [cond, input] = [a[0], a[1]].map((x) => mapExpr(x, (n) => (n.kind === 'ref' && n.id === self ? held : n)));
    return { kind: 'if', cond, then: input, else: held };
  }
  if (id === 'sinteg') return translateSinteg(e, sc);
  if (VECTOR_FUNCTIONS.has(id)) return translateVector(id, e, sc);
  if (TABLE_CALLS[id]) return translateTableCall(id, e, sc);
  if (VENSIM_DELAYS.has(id)) return translateDelay(id, e, sc);
  if (id === 'get_time_value') {
    if (!arity(e, sc, 3)) return undefined;
    const a = translateAll(e.args, sc);
    const rel = a && index.initialValue(a[0]);
    const measure = a && index.initialValue(a[2]);
    const out = a && measure === 0 && rel !== undefined ? timeValue(rel, a[1]) : undefined;
    if (a && !out) index.diags.push(error('unsupported-construct', 'GET TIME VALUE is supported for measure 0 (simulation time) relative to the current (0) or initial (1) time', where(sc, e.pos, { hint: TIME_VALUE_HINT })));
    return out;
  }
  if (TOP_LEVEL.has(id)) {
    index.diags.push(error('unsupported-construct', `${e.fn} must be the whole right-hand side of its equation`, where(sc, e.pos, { hint: 'move it into an equation of its own' })));
    return undefined;
  }
  if (REFUSED_FUNCTIONS.has(id)) return refuse(id, e, sc);
  const known = [...Object.keys(SIMPLE), ...Object.keys(REWRITES), 'if_then_else', 'active_initial', 'sum', 'prod', 'vmin', 'vmax', 'min', 'max', 'elmcount', 'sample_if_true', 'sinteg', 'get_time_value', ...VECTOR_FUNCTIONS, ...VENSIM_DELAYS, ...Object.keys(TABLE_CALLS)];
  const guess = didYouMean(id, known);
  index.diags.push(error('unknown-function', `unknown function '${e.fn}'`, where(sc, e.pos, {
    hint: guess ? `did you mean '${guess.toUpperCase().replace(/_/g, ' ')}'?` : 'see the supported Vensim functions in docs/vensim-functions.md',
  })));
  return undefined;
}
