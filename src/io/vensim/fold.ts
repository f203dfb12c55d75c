/**
 * Evaluates native expression trees that need no simulation: constant folding of
 * equations like `10/3`, and the control section (INITIAL TIME, TIME STEP, SAVEPER may be
 * equations of constants). Returns undefined for anything it cannot evaluate.
 */
import type { Expr } from '../../expr/ast.js';

const FUNCS: Readonly<Record<string, (...a: number[]) => number>> = {
  abs: Math.abs, exp: Math.exp, ln: Math.log, log10: Math.log10, sqrt: Math.sqrt,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, arcsin: Math.asin, arccos: Math.acos, arctan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, floor: Math.floor, ceil: Math.ceil, sign: Math.sign,
  int: Math.floor, trunc: Math.trunc, pow: Math.pow, min: Math.min, max: Math.max,
  log: (x, b) => Math.log(x) / Math.log(b),
  xidz: (a, b, x) => (b === 0 ? x : a / b),
  zidz: (a, b) => (b === 0 ? 0 : a / b),
};

export function fold(e: Expr, env: (id: string) => number | undefined = () => undefined): number | undefined {
  switch (e.kind) {
    case 'num': return e.value;
    case 'ref': return env(e.id);
    case 'unary': {
      const a = fold(e.arg, env);
      if (a === undefined) return undefined;
      return e.op === '-' ? -a : e.op === '+' ? a : a === 0 ? 1 : 0;
    }
    case 'if': {
      const c = fold(e.cond, env);
      if (c === undefined) return undefined;
      return fold(c !== 0 ? e.then : e.else, env);
    }
    case 'call': {
      const atStart = startValue(e, env);
      if (atStart !== null) return atStart;
      const f = FUNCS[e.fn];
      if (!f) return undefined;
      const args = e.args.map((a) => fold(a, env));
      return args.every((a) => a !== undefined) ? f(...(args as number[])) : undefined;
    }
    case 'binary': {
      const l = fold(e.left, env);
      const r = fold(e.right, env);
      if (l === undefined || r === undefined) return undefined;
      switch (e.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return l / r;
        case '^': return l ** r;
        case 'mod': return l - r * Math.floor(l / r);
        case '==': return l === r ? 1 : 0;
        case '!=': return l !== r ? 1 : 0;
        case '<': return l < r ? 1 : 0;
        case '<=': return l <= r ? 1 : 0;
        case '>': return l > r ? 1 : 0;
        case '>=': return l >= r ? 1 : 0;
        case 'and': return l !== 0 && r !== 0 ? 1 : 0;
        case 'or': return l !== 0 || r !== 0 ? 1 : 0;
        case 'xor': return (l !== 0) !== (r !== 0) ? 1 : 0;
      }
    }
  }
  return undefined;
}

/**
 * Values of time-dependent and stateful functions at the initial time, when `env` knows
 * `time`: step and ramp by their definition, and the stateful builtins by their initial
 * value (the explicit initial argument, else the input). `null` when `e` is none of these.
 */
function startValue(e: Extract<Expr, { kind: 'call' }>, env: (id: string) => number | undefined): number | undefined | null {
  const arg = (i: number) => (e.args[i] ? fold(e.args[i], env) : undefined);
  if (env('time') === undefined) return ['step', 'ramp', 'init', 'initial', 'smooth', 'smooth3', 'delay1', 'delay3', 'delay_fixed', 'active_initial', 'smoothn', 'delayn', 'vensim_delayn', 'previous'].includes(e.fn) ? undefined : null;
  switch (e.fn) {
    case 'step': {
      const [t, h, t0] = [env('time'), arg(0), arg(1)];
      return t === undefined || h === undefined || t0 === undefined ? undefined : t >= t0 ? h : 0;
    }
    case 'ramp': {
      const [t, s, t0] = [env('time'), arg(0), arg(1)];
      const t1 = e.args[2] ? arg(2) : Infinity;
      if (t === undefined || s === undefined || t0 === undefined || t1 === undefined) return undefined;
      return t < t0 ? 0 : s * (Math.min(t, t1) - t0);
    }
    case 'init': case 'initial': return arg(0);
    case 'smooth': case 'smooth3': case 'delay1': case 'delay3': case 'delay_fixed': case 'active_initial':
      return e.args.length >= 3 || e.fn === 'active_initial' ? arg(e.fn === 'active_initial' ? 1 : 2) : arg(0);
    case 'smoothn': case 'delayn': case 'vensim_delayn': return e.args.length >= 4 ? arg(3) : arg(0);
    case 'previous': return e.args.length >= 2 ? arg(1) : 0;
    default: return null;
  }
}
