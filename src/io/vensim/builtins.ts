/**
 * Vensim functions that become native functions of docs/equations.md one to one, possibly
 * with arguments reordered, and the rewrites whose Vensim meaning differs from the native
 * function of the same name. Semantics cite the Vensim reference "Functions" pages.
 */
import { bin, call, num, type Expr } from '../../expr/ast.js';
import { RANDOM_REWRITES } from './random.js';

export interface Simple {
  readonly fn: string;
  readonly min: number;
  readonly max: number;
  /** Native argument order as indices into the Vensim arguments. */
  readonly order?: readonly number[];
}

const s = (fn: string, min: number, max = min, order?: number[]): Simple => ({ fn, min, max, order });

/** Vensim canonical name → native call. */
export const SIMPLE: Readonly<Record<string, Simple>> = {
  abs: s('abs', 1), exp: s('exp', 1), ln: s('ln', 1), log: s('log', 2), sqrt: s('sqrt', 1),
  sin: s('sin', 1), cos: s('cos', 1), tan: s('tan', 1),
  arcsin: s('arcsin', 1), arccos: s('arccos', 1), arctan: s('arctan', 1),
  sinh: s('sinh', 1), cosh: s('cosh', 1), tanh: s('tanh', 1),
  /** GAMMA LN(x): ln Γ(x). */
  gamma_ln: s('gammaln', 1),
  power: s('pow', 2), xidz: s('xidz', 3), zidz: s('zidz', 2),
  step: s('step', 2), ramp: s('ramp', 2, 3), pulse_train: s('pulse_train', 4),
  /** DELAY1(input, delay time), DELAY1I(input, delay time, initial). */
  delay1: s('delay1', 2), delay1i: s('delay1', 3), delay3: s('delay3', 2), delay3i: s('delay3', 3),
  /** DELAY N(input, delay time, initial, order) → vensim_delayn(input, time, n, initial): Vensim's own semantics (docs/builtins.md). */
  delay_n: s('vensim_delayn', 4, 4, [0, 1, 3, 2]),
  /** DELAY FIXED(input, delay time, initial): a pipeline; the delay time is fixed at the start. */
  delay_fixed: s('delay_fixed', 3),
  smooth: s('smooth', 2), smoothi: s('smooth', 3), smooth3: s('smooth3', 2), smooth3i: s('smooth3', 3),
  /** SMOOTH N(input, delay time, initial, order) → smoothn(input, time, n, initial). */
  smooth_n: s('smoothn', 4, 4, [0, 1, 3, 2]),
  trend: s('trend', 3), forecast: s('forecast', 3),
  initial: s('init', 1),
  /** NPV(stream, discount rate, initial value, factor): stocks by the reference's equations (stateful.ts). */
  npv: s('npv', 4),
  /** DEPRECIATE STRAIGHTLINE(str, dtime, fisc, init): discrete helper nodes (builtins/depreciate.ts). */
  depreciate_straightline: s('depreciate_straightline', 4),
};

/** Stateful functions whose initial value defaults to their input's (first argument). */
export const INPUT_INITIALISED: Readonly<Record<string, number>> = { smooth: 2, smooth3: 2, delay1: 2, delay3: 2 };

/** Truncation toward zero (native `trunc`). */
export function trunc(x: Expr): Expr {
  return call('trunc', x);
}

/**
 * Rewrites with fixed arity. Each receives translated arguments.
 * - INTEGER(x): "the integer part of x" — truncation toward zero (test-models `rounding`:
 *   INTEGER(-9.9) = -9), unlike native `int` (floor).
 * - MODULO(a, b): remainder with the sign of a (test-models `rounding`: MODULO(-10, 3) = -1),
 *   unlike native floored `mod`: a − b·trunc(a/b).
 * - QUANTUM(x, q): q·INTEGER(x/q); x itself when q ≤ 0 (Vensim reference, QUANTUM).
 * - PULSE(start, width): 1 from start for width (at least one TIME STEP), else 0; compared
 *   at half a step so that accumulated times like 0.1·k do not miss the edge.
 * - GAME(x): x outside gaming.
 * - X IF MISSING(x, value): value where x is :NA:.
 */
/** Rewrites by Vensim name; `variable` is the variable (or element) whose equation makes the call. */
export const REWRITES: Readonly<Record<string, { readonly arity: number; readonly build: (a: Expr[], variable: string) => Expr }>> = {
  integer: { arity: 1, build: ([x]) => trunc(x) },
  modulo: { arity: 2, build: ([a, b]) => bin('-', a, bin('*', b, trunc(bin('/', a, b)))) },
  quantum: {
    arity: 2,
    build: ([x, q]) => ({ kind: 'if', cond: bin('<=', q, num(0)), then: x, else: bin('*', q, trunc(bin('/', x, q))) }),
  },
  /**
   * PULSE(start, width): 1 while start ≤ time + dt/2 < start + max(width, dt), else 0, written
   * as the difference of two steps so that it is a test input an integrator can hold over a
   * TIME STEP (Vensim Help, "Runge-Kutta Integration"; compile.ts hold()).
   */
  pulse: {
    arity: 2,
    build: ([start, width]) => {
      const halfDt = bin('/', { kind: 'ref', id: 'dt', name: 'dt' }, num(2));
      const w = call('max', width, { kind: 'ref', id: 'dt', name: 'dt' });
      return bin('-', call('step', num(1), bin('-', start, halfDt)), call('step', num(1), bin('-', bin('+', start, w), halfDt)));
    },
  },
  game: { arity: 1, build: ([x]) => x },
  /** X IF MISSING(x, value): value where x is :NA: (missing), else x (Vensim reference, X IF MISSING). */
  x_if_missing: { arity: 2, build: ([x, value]) => ({ kind: 'if', cond: bin('==', x, num(NA_VALUE)), then: value, else: x }) },
  /**
   * TIME BASE(start, slope): START + Time·SLOPE, "START when Time is 0" (Vensim reference,
   * TIME BASE); Vensim also marks the variable as a time base, which only affects display.
   */
  time_base: { arity: 2, build: ([start, slope]) => bin('+', start, bin('*', slope, { kind: 'ref', id: 'time', name: 'time' })) },
  /**
   * NPVE(stream, discount rate, init val, factor): NPV valued at the end of the period. Its
   * reference equations (fn_npve.html) are NPV's but for the discount factor's initial value,
   * 1/(1 + discount rate·TIME STEP) instead of 1; the factor's equation is linear in it, so
   * NPVE is NPV with init val multiplied and factor divided by g = 1 + discount rate·TIME
   * STEP at the start: (i·g + Σ s·dt·df)·f/g.
   */
  npve: {
    arity: 4,
    build: ([stream, rate, init, factor]) => {
      const g = call('init', bin('+', num(1), bin('*', rate, { kind: 'ref', id: 'dt', name: 'dt' })));
      return call('npv', stream, rate, bin('*', init, g), bin('/', factor, g));
    },
  },
  /** RANDOM UNIFORM, RANDOM 0 1 and the truncated RANDOM NORMAL, POISSON, GAMMA … (random.ts). */
  ...RANDOM_REWRITES,
};

/**
 * GET TIME VALUE(relative to, offset, measure) for measure 0 (simulation time units):
 * relative to 0 is the current time, 1 the initial time (Vensim reference, GET TIME VALUE;
 * test-models `get_time_value`). Calendar measures and the computer clock need the model's
 * date settings and are not supported.
 */
export function timeValue(relativeTo: number, offset: Expr): Expr | undefined {
  if (relativeTo === 0) return bin('+', { kind: 'ref', id: 'time', name: 'time' }, offset);
  if (relativeTo === 1) return bin('+', { kind: 'ref', id: 'initial_time', name: 'initial_time' }, offset);
  return undefined;
}

/** Vensim's :NA: value, −2^109 (as PySD and SDEverywhere use it). */
export const NA_VALUE = -(2 ** 109);
