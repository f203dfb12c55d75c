/**
 * Translates calls in XMILE equations: graphical functions called by name (§3.1.4), an
 * array read with one flat row-major index `a(k)` (§3.3.2, translate-array.ts),
 * `LOOKUP(gf, x)`, macros (§4.8, single-expression bodies), the builtins of builtins.ts,
 * and native functions the writer put in the stockflow vendor namespace
 * (`stockflow.pulse_train(…)`, passed through for the engine to check). Unknown
 * functions are diagnostics with a did-you-mean, never dropped.
 */
import { bin, call, num, ref, type Expr } from '../../expr/ast.js';
import { didYouMean } from '../../core/names.js';
import { functionSpec } from '../../builtins/functions.js';
import { RANDOM_ARITY } from '../../builtins/random.js';
import { arityProblem, WRONG_ARITY } from '../../builtins/arity.js';
import { stripVendor, UNREAD_STELLA, XMILE_FUNCTIONS, type BuiltinSpec } from './builtins.js';
import type { XExpr } from './eqn-ast.js';
import { canonicalName, xid } from './names.js';
import { instantiateMacro } from './macro-instance.js';
import { resolveVar, type Ctx, type Macro } from './scope.js';
import { lookupCall, translate } from './translate.js';
import { allocateBuiltin } from './allocate.js';
import { vectorBuiltin } from './vectors.js';
import { interpolateBuiltin } from './interpolate.js';
import { vensimAllocate } from './vensim-allocate.js';
import { arrayBuiltin, flatIndex, rankBuiltin } from './translate-array.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

const MAX_MACRO_DEPTH = 20;

export function translateCall(x: CallNode, ctx: Ctx): Expr | undefined {
  const gf = resolveVar(ctx.scope, x.fn);
  if (gf?.lookup) {
    if (x.args.length !== 1) {
      ctx.env.report(WRONG_ARITY, `graphical function '${x.fn}' takes 1 argument, not ${x.args.length}`, x.pos);
      return undefined;
    }
    const arg = translate(x.args[0], ctx);
    return arg && lookupCall(gf, undefined, arg, ctx, x.pos);
  }
  const ours = /^stockflow\.(.+)$/i.exec(x.fn);
  if (ours) return vendorCall(canonicalName(ours[1]), x, ctx);
  const vendor = stripVendor(x.fn);
  const id = canonicalName(vendor);
  const macro = ctx.env.macros.get(id);
  if (macro) return expandMacro(x, ctx, macro);
  const spec = XMILE_FUNCTIONS.get(id);
  if (spec) {
    const problem = arityProblem(x.fn.toUpperCase(), spec.min, spec.max, x.args.length);
    if (problem) {
      // Stella 3's distributions take min, max (truncation) after the seed: not read (docs/builtins.md).
      const truncated = RANDOM_ARITY[spec.native] && x.args.length > spec.max
        ? "Stella's min and max (truncation) arguments are not read: its help does not say how a draw outside them is replaced" : undefined;
      ctx.env.report(WRONG_ARITY, problem, x.pos, truncated);
      return undefined;
    }
    return builtin(x, spec, id, ctx);
  }
  if (gf && gf.dims.length > 0 && x.args.length === 1) return flatIndex(gf, x, ctx);
  if (gf) {
    ctx.env.report('not-a-function', `'${x.fn}' is a variable, not a function or graphical function`, x.pos);
    return undefined;
  }
  if (ctx.scope.modules.has(xid(x.fn))) {
    ctx.env.report('unsupported-construct', `calling module '${x.fn}' as a function is not supported`, x.pos, 'refer to its output as module.variable');
    return undefined;
  }
  const unread = UNREAD_STELLA.get(id);
  if (unread) {
    ctx.env.report('unknown-function', `Stella's ${id.toUpperCase()} is not read: ${unread}`, x.pos, 'write what it should compute with other functions; docs/builtins.md lists what is read');
    return undefined;
  }
  const guess = didYouMean(id, XMILE_FUNCTIONS.keys());
  ctx.env.report('unknown-function', `unknown function '${x.fn}'`, x.pos, guess ? `did you mean ${guess.toUpperCase()}?` : 'see XMILE 1.0 §3.5 for the builtin functions');
  return undefined;
}

/**
 * A native function the writer put in the stockflow namespace. Those over a whole table
 * (lookup_extrapolate, data_between, …) take a graphical function's name as their first
 * argument, which is the table itself, not its value.
 */
function vendorCall(native: string, x: CallNode, ctx: Ctx): Expr | undefined {
  const first = x.args[0];
  const table = functionSpec(native)?.table && first?.kind === 'name' && !first.subs ? resolveVar(ctx.scope, first.name) : undefined;
  if (!table?.lookup) return plainCall(native, x, ctx);
  const rest = x.args.slice(1).map((a) => translate(a, ctx));
  const name = table.table ?? table.name;
  return rest.every((a): a is Expr => a !== undefined) ? call(native, ref(canonicalName(name), name), ...rest) : undefined;
}

function plainCall(native: string, x: CallNode, ctx: Ctx): Expr | undefined {
  const args = x.args.map((a) => translate(a, ctx));
  return args.every((a): a is Expr => a !== undefined) ? call(native, ...args) : undefined;
}

function builtin(x: CallNode, spec: BuiltinSpec, id: string, ctx: Ctx): Expr | undefined {
  switch (spec.special) {
    // A native function over a whole table (LOOKUPINV → lookup_invert) takes the graphical function itself.
    case undefined: return functionSpec(spec.native)?.table ? vendorCall(spec.native, x, ctx) : plainCall(spec.native, x, ctx);
    case 'const': return ref(spec.native);
    case 'array': return arrayBuiltin(x, id, ctx);
    case 'if': {
      const [c, a, b] = x.args.map((e) => translate(e, ctx));
      return c && a && b && { kind: 'if', cond: c, then: a, else: b };
    }
    case 'mod': {
      const [a, b] = x.args.map((e) => translate(e, ctx));
      return a && b && bin('mod', a, b);
    }
    case 'wave': {
      // Stella SINWAVE/COSWAVE(amplitude, period) = amplitude · sin/cos(2π·TIME/period).
      const [a, p] = x.args.map((e) => translate(e, ctx));
      return a && p && bin('*', a, call(spec.native, bin('/', bin('*', bin('*', num(2), ref('pi')), ref('time')), p)));
    }
    case 'lookup': {
      const first = x.args[0];
      const table = first.kind === 'name' ? resolveVar(ctx.scope, first.name) : undefined;
      if (!table || !table.lookup || first.kind !== 'name') {
        ctx.env.report('not-a-lookup', 'the first argument of LOOKUP must be the name of a graphical function (or of one element of an arrayed one)', first.pos);
        return undefined;
      }
      const arg = translate(x.args[1], ctx);
      return arg && lookupCall(table, first.subs, arg, ctx, first.pos);
    }
    case 'modulo': {
      // a − b·trunc(a / b): MODULO(−10, 3) = −1 where XMILE MOD gives 2.
      const [a, b] = x.args.map((e) => translate(e, ctx));
      return a && b && bin('-', a, bin('*', b, call(spec.native, bin('/', a, b))));
    }
    case 'lookuparea': {
      // LOOKUPAREA(gf, x) = lookup_area(gf, first x of gf, x): the area from the graph's first
      // point. The compiler checks that gf has a graphical function, as for LOOKUPINV.
      const [gf, at] = x.args.map((e) => translate(e, ctx));
      if (gf && gf.kind !== 'ref') {
        ctx.env.report('not-a-lookup', 'the first argument of LOOKUPAREA must name a variable with a graphical function', x.pos, 'write the name of the graphical function itself, not an expression');
        return undefined;
      }
      return gf && at && call(spec.native, gf, call('data_first_time', gf), at);
    }
    case 'previous': return plainCall('previous', x, ctx);
    case 'rank': return rankBuiltin(x, ctx);
    case 'allocate': return allocateBuiltin(x, ctx);
    case 'vector': return vectorBuiltin(x, id, ctx);
    case 'interpolate': return interpolateBuiltin(x, ctx);
    case 'vensim-allocate': return vensimAllocate(x, id, ctx);
    default: return undefined;
  }
}

/**
 * Expands a macro call: a single-expression macro is inlined with its parameters bound to
 * the call's arguments; one with its own variables gets a fresh copy of them (macro-instance.ts).
 */
function expandMacro(x: CallNode, ctx: Ctx, macro: Macro): Expr | undefined {
  if (!macro.body) {
    ctx.env.report('unsupported-macro', `macro '${macro.name}' ${macro.why ?? 'cannot be inlined'}`, x.pos);
    return undefined;
  }
  if (x.args.length !== macro.params.length) {
    ctx.env.report(WRONG_ARITY, arityProblem(`macro '${macro.name}'`, macro.params.length, macro.params.length, x.args.length)!, x.pos);
    return undefined;
  }
  const depth = (ctx.macroDepth ?? 0) + 1;
  if (depth > MAX_MACRO_DEPTH) {
    ctx.env.report('recursive-macro', `macro '${macro.name}' calls itself too deeply`, x.pos);
    return undefined;
  }
  const args: Expr[] = [];
  for (const a of x.args) {
    const e = translate(a, ctx);
    if (!e) return undefined;
    args.push(e);
  }
  // Report problems inside the body at the call site: body offsets belong to another text.
  const env = { ...ctx.env, report: (code: string, message: string, _pos: number, hint?: string) => ctx.env.report(code, `in macro '${macro.name}': ${message}`, x.pos, hint) };
  if (macro.variables) return instantiateMacro(macro, args, env, depth, x.pos);
  const params = new Map(macro.params.map((p, k) => [xid(p), args[k]] as const));
  const empty = { prefix: '', vars: new Map(), modules: new Map() };
  return translate(macro.body, { env, scope: empty, bind: new Map(), params, macroDepth: depth });
}
