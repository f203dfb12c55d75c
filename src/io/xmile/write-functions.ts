/**
 * Native functions → XMILE 1.0. Renames where XMILE has the function (§3.5), exact XMILE
 * expressions where it does not (ceil, sign, trunc, round, quantum, xidz, zidz, safediv,
 * log with a base, sum/prod of arguments, hyperbolic functions, ramp with an end time);
 * RANK over a whole written array (write-rank.ts); lookup_area from the graph's first point as
 * Stella's LOOKUPAREA; the rest in the stockflow vendor
 * namespace. A named lookup called as `t(x)` or `lookup(t, x)` becomes the XMILE
 * graphical-function call `t(x)` (§3.1.4).
 */
import type { XExpr } from './eqn-ast.js';
import { canonicalName } from './names.js';
import { print, wrap, type EqnContext, type Printed } from './write-eqn.js';
import { rankAsXmile } from './write-rank.js';

type CallNode = Extract<XExpr, { kind: 'call' }>;

const ATOM = 10;

const RENAME: Readonly<Record<string, string>> = {
  abs: 'ABS', exp: 'EXP', ln: 'LN', log10: 'LOG10', sqrt: 'SQRT', sin: 'SIN', cos: 'COS', tan: 'TAN',
  arcsin: 'ARCSIN', asin: 'ARCSIN', arccos: 'ARCCOS', acos: 'ARCCOS', arctan: 'ARCTAN', atan: 'ARCTAN',
  int: 'INT', floor: 'INT', step: 'STEP', pulse: 'PULSE',
  smooth: 'SMTH1', smth1: 'SMTH1', smooth1: 'SMTH1', smoothi: 'SMTH1', smooth3: 'SMTH3', smth3: 'SMTH3', smooth3i: 'SMTH3',
  smoothn: 'SMTHN', smthn: 'SMTHN', smooth_n: 'SMTHN', delay1: 'DELAY1', delay1i: 'DELAY1', delay3: 'DELAY3', delay3i: 'DELAY3',
  delayn: 'DELAYN', delay_n: 'DELAYN', delay_fixed: 'DELAY', delay: 'DELAY', delayfixed: 'DELAY', trend: 'TREND',
  forecast: 'FORCST', forcst: 'FORCST', init: 'INIT', initial: 'INIT',
  random: 'RANDOM', normal: 'NORMAL', lognormal: 'LOGNORMAL', exprnd: 'EXPRND', poisson: 'POISSON',
  beta: 'BETA', binomial: 'BINOMIAL', fv: 'FV', pv: 'PV', pmt: 'PMT',
  gamma: 'GAMMA', weibull: 'WEIBULL', logistic: 'LOGISTIC', triangular: 'TRIANGULAR', montecarlo: 'MONTECARLO',
  // Stella's mathematical builtins and LOOKUPINV, read with the same arguments (builtins.ts)
  rootn: 'ROOTN', gammaln: 'GAMMALN', factorial: 'FACTORIAL', combinations: 'COMBINATIONS', permutations: 'PERMUTATIONS',
  normalcdf: 'NORMALCDF', invnorm: 'INVNORM', lookup_invert: 'LOOKUPINV',
};

export function functionToXmile(e: CallNode, ctx: EqnContext): Printed {
  const fn = canonicalName(e.fn);
  if (fn === 'lookup_area' && fromFirstPoint(e)) return { text: `LOOKUPAREA(${print(e.args[0], ctx).text}, ${print(e.args[2], ctx).text})`, prec: ATOM };
  const a = e.args.map((x) => print(x, ctx));
  const w = a.map(wrap);
  const t = a.map((p) => p.text);
  const call = (name: string, args = t): Printed => ({ text: `${name}(${args.join(', ')})`, prec: ATOM });
  const expr = (text: string, prec: number): Printed => ({ text, prec });
  const table = ctx.names.get(fn);
  if (table !== undefined) return call(table);
  if (RENAME[fn] && a.length > 0) return call(RENAME[fn]);
  switch (fn) {
    case 'lookup': {
      const first = e.args[0];
      const name = first?.kind === 'name' ? ctx.names.get(canonicalName(first.name)) : undefined;
      if (name !== undefined && a.length === 2) return call(name, [t[1]]);
      break;
    }
    case 'min': case 'max': {
      if (a.length === 1) return a[0];
      let acc = t[a.length - 1];
      for (let i = a.length - 2; i >= 0; i--) acc = `${fn.toUpperCase()}(${t[i]}, ${acc})`;
      return expr(acc, ATOM);
    }
    case 'sum': return a.length === 1 ? a[0] : expr(`(${w.join(' + ')})`, ATOM);
    case 'prod': return a.length === 1 ? a[0] : expr(`(${w.join(' * ')})`, ATOM);
    case 'mod': case 'modulo': if (a.length === 2) return expr(`${w[0]} MOD ${w[1]}`, 6); break;
    case 'pow': case 'power': if (a.length === 2) return expr(`${w[0]} ^ ${w[1]}`, 8); break;
    case 'log': return a.length === 1 ? call('LN') : expr(`(LN(${t[0]}) / LN(${t[1]}))`, ATOM);
    case 'ceil': return expr(`(-INT(-${w[0]}))`, ATOM);
    case 'trunc': return expr(truncText(w[0]), ATOM);
    case 'sign': return expr(`(IF ${w[0]} > 0 THEN 1 ELSE IF ${w[0]} < 0 THEN -1 ELSE 0)`, ATOM);
    case 'round': return expr(`(IF ${w[0]} >= 0 THEN INT(${w[0]} + 0.5) ELSE -INT(0.5 - ${w[0]}))`, ATOM);
    case 'quantum': return expr(`(${w[1]} * ${truncText(`(${w[0]} / ${w[1]})`)})`, ATOM);
    case 'xidz': case 'zidz': case 'safediv': {
      const fallback = fn === 'zidz' ? '0' : (t[2] ?? '0');
      return expr(`(IF ${w[1]} = 0 THEN ${fallback} ELSE ${w[0]} / ${w[1]})`, ATOM);
    }
    case 'sinh': return expr(`((EXP(${t[0]}) - EXP(-${w[0]})) / 2)`, ATOM);
    case 'cosh': return expr(`((EXP(${t[0]}) + EXP(-${w[0]})) / 2)`, ATOM);
    case 'tanh': {
      const n = `EXP(-2 * ABS(${t[0]}))`;
      return expr(`(IF ${w[0]} >= 0 THEN 1 ELSE -1) * (1 - ${n}) / (1 + ${n})`, 6);
    }
    case 'ramp': return a.length === 3 ? expr(`(RAMP(${t[0]}, ${t[1]}) - RAMP(${t[0]}, ${t[2]}))`, ATOM) : call('RAMP');
    case 'previous': return call('PREVIOUS', a.length === 1 ? [t[0], '0'] : t);
    case 'history': return call('HISTORY'); // as Stella writes it
    case 'rank_index': case 'rank_index_by': {
      const text = rankAsXmile(e, t[0], ctx);
      if (text !== undefined) return expr(text, ATOM);
      break;
    }
    default: break;
  }
  ctx.onVendorCall?.(fn);
  return call(`stockflow.${fn}`);
}

/** Truncation towards zero (Vensim INTEGER) with XMILE's flooring INT. */
function truncText(x: string): string {
  return `(IF ${x} >= 0 THEN INT(${x}) ELSE -INT(-${x}))`;
}

/** lookup_area(gf, data_first_time(gf), x): how Stella's LOOKUPAREA(gf, x) is read (builtins.ts). */
function fromFirstPoint(e: CallNode): boolean {
  const [gf, from] = e.args;
  return e.args.length === 3 && gf.kind === 'name' && !gf.subs && from.kind === 'call' && canonicalName(from.fn) === 'data_first_time'
    && from.args.length === 1 && from.args[0].kind === 'name' && !from.args[0].subs && canonicalName(from.args[0].name) === canonicalName(gf.name);
}
