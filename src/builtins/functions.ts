/**
 * The stateless function library: name, arity, documentation and the JavaScript the
 * compiler emits for a call. Arguments arrive as already-compiled JS expressions; `t` is
 * the time and `DT` the step inside generated code, `R` the runtime of runtime.ts, and `TI`
 * the time test inputs read when the integrator holds them (NaN otherwise; compile.ts hold()).
 * Adding a function adds one entry here and edits no switch elsewhere.
 */
import { DRAW_CHECKS } from './random-checks.js';
import { RANDOM_ARITY } from './random.js';
import { STELLA_FINANCE_FUNCTIONS } from './stella-finance.js';
import { STELLA_MATH_FUNCTIONS } from './stella-math.js';
import { TABLE_FUNCTIONS } from './table-functions.js';
import { VENSIM_RANDOM_FUNCTIONS } from './vensim-random.js';
import { ALLOCATE_BY_PRIORITY } from './allocate-priority.js';
import { VECTOR_FUNCTIONS } from './vectors.js';
import { VECTOR_SITE_FUNCTIONS } from './vector-sites.js';
/** The time a test input reads: the held time when the integrator holds inputs, else the time. */
const INPUT_TIME = '(TI === TI ? TI : t)';

export interface FunctionSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly doc: string;
  /**
   * How units combine: result has the argument's units, is dimensionless, has the units of
   * the table named by the first argument (`table` functions), or other.
   */
  readonly units: 'same' | 'dimensionless' | 'first' | 'product' | 'table' | 'none';
  /**
   * The first argument names a lookup or a variable with a graphical function, and is
   * passed to `emit` as that table's closure, not as a value (table-functions.ts).
   */
  readonly table?: boolean;
  /**
   * How many leading arguments name `vector_of` variables; they are passed to `emit` as those
   * variables' slots, where the run keeps their elements (vector-sites.ts).
   */
  readonly vectorArgs?: number;
  /** `emit` gets the slot of the variable whose equation this call is, first (vector_of). */
  readonly ownSlot?: boolean;
  /** Extra arity rule beyond min/max; returns what is wrong, if anything. */
  checkArity?(count: number): string | undefined;
  /** What is wrong with the arguments' values, those known before the run given and the others NaN (random-checks.ts). */
  checkValues?(values: readonly number[]): string | undefined;
  /** JS for a call; `site` numbers the call sites of functions with per-site state. */
  emit(args: readonly string[], site: number): string;
}

const math = (name: string, fn: string, doc: string, units: FunctionSpec['units'] = 'dimensionless', aliases?: string[]): FunctionSpec => ({
  name, aliases, minArgs: 1, maxArgs: 1, doc, units, emit: (a) => `Math.${fn}(${a[0]})`,
});

const variadic = (name: string, joiner: (a: readonly string[]) => string, doc: string, units: FunctionSpec['units']): FunctionSpec => ({
  name, minArgs: 1, maxArgs: Infinity, doc, units, emit: joiner,
});

/**
 * A random function: per-site stream, one draw per step (random.ts); the seed argument is
 * optional. MONTECARLO's probability is per unit time, so its draw is also given DT.
 */
const randomFn = (name: string, doc: string, units: FunctionSpec['units'] = 'first'): FunctionSpec => ({
  name, minArgs: RANDOM_ARITY[name][0], maxArgs: RANDOM_ARITY[name][1], doc, units,
  checkValues: (v) => DRAW_CHECKS[name](v[0], v[1] ?? NaN, v[2] ?? NaN),
  emit: (a, site) => {
    const n = RANDOM_ARITY[name][0];
    const p = [...a.slice(0, n), ...(name === 'montecarlo' ? ['DT'] : []), '0', '0'].slice(0, 3);
    return `RS.draw(${site}, '${name}', t, ${p.join(', ')}, ${a[n] ?? '-1'})`;
  },
});

export const FUNCTIONS: readonly FunctionSpec[] = [
  math('abs', 'abs', 'absolute value', 'same'),
  math('exp', 'exp', 'e to the power x'),
  math('ln', 'log', 'natural logarithm'),
  math('log10', 'log10', 'base-10 logarithm'),
  math('sqrt', 'sqrt', 'square root', 'none'),
  math('sin', 'sin', 'sine (radians)'),
  math('cos', 'cos', 'cosine (radians)'),
  math('tan', 'tan', 'tangent (radians)'),
  math('arcsin', 'asin', 'inverse sine', 'dimensionless', ['asin']),
  math('arccos', 'acos', 'inverse cosine', 'dimensionless', ['acos']),
  math('arctan', 'atan', 'inverse tangent', 'dimensionless', ['atan']),
  math('sinh', 'sinh', 'hyperbolic sine'),
  math('cosh', 'cosh', 'hyperbolic cosine'),
  math('tanh', 'tanh', 'hyperbolic tangent'),
  math('floor', 'floor', 'largest integer ≤ x', 'same', ['int']),
  math('ceil', 'ceil', 'smallest integer ≥ x', 'same'),
  math('trunc', 'trunc', 'integer part, towards zero (Vensim INTEGER)', 'same'),
  math('sign', 'sign', '-1, 0 or 1', 'dimensionless'),
  { name: 'round', minArgs: 1, maxArgs: 1, doc: 'nearest integer, halves away from zero', units: 'same', emit: (a) => `R.round(${a[0]})` },
  { name: 'log', minArgs: 1, maxArgs: 2, doc: 'log(x) natural logarithm; log(x, base)', units: 'dimensionless',
    emit: (a) => (a.length === 1 ? `Math.log(${a[0]})` : `(Math.log(${a[0]}) / Math.log(${a[1]}))`) },
  { name: 'pow', aliases: ['power'], minArgs: 2, maxArgs: 2, doc: 'a to the power b', units: 'none', emit: (a) => `Math.pow(${a[0]}, ${a[1]})` },
  { name: 'mod', aliases: ['modulo'], minArgs: 2, maxArgs: 2, doc: 'floored modulo (sign of the divisor)', units: 'first', emit: (a) => `R.mod(${a[0]}, ${a[1]})` },
  variadic('min', (a) => (a.length === 1 ? `(${a[0]})` : `Math.min(${a.join(', ')})`), 'smallest argument', 'same'),
  variadic('max', (a) => (a.length === 1 ? `(${a[0]})` : `Math.max(${a.join(', ')})`), 'largest argument', 'same'),
  variadic('sum', (a) => `(${a.join(' + ')})`, 'sum of the arguments', 'same'),
  variadic('prod', (a) => `(${a.join(' * ')})`, 'product of the arguments', 'product'),
  { name: 'gammaln', aliases: ['gamma_ln'], minArgs: 1, maxArgs: 1, doc: 'ln |Γ(x)|, the natural log of the gamma function (Vensim GAMMA LN)', units: 'dimensionless', emit: (a) => `R.gammaLn(${a[0]})` },
  { name: 'xidz', minArgs: 3, maxArgs: 3, doc: 'a / b, or x when b = 0', units: 'none', emit: (a) => `R.xidz(${a[0]}, ${a[1]}, ${a[2]})` },
  { name: 'zidz', minArgs: 2, maxArgs: 2, doc: 'a / b, or 0 when b = 0', units: 'none', emit: (a) => `R.zidz(${a[0]}, ${a[1]})` },
  { name: 'safediv', minArgs: 2, maxArgs: 3, doc: 'a / b, or x (default 0) when b = 0', units: 'none',
    emit: (a) => `R.xidz(${a[0]}, ${a[1]}, ${a[2] ?? '0'})` },
  { name: 'quantum', minArgs: 2, maxArgs: 2, doc: 'q · trunc(x / q)', units: 'first', emit: (a) => `R.quantum(${a[0]}, ${a[1]})` },
  { name: 'history_at', minArgs: 3, maxArgs: 3, units: 'none',
    doc: 'internal: history_at(record, time, x) answers history(x, time) from its record (history.ts)',
    emit: (a) => `HS.at(${a[0]}, t, ${a[1]}, ${a[2]})` },
  { name: 'conveyor_flow', minArgs: 2, maxArgs: Infinity, units: 'none',
    doc: 'internal: conveyor_flow(belt, k, arrest, fractions…) is flow k of the belt of conveyor() this step (conveyor.ts)',
    emit: (a) => `CV.flow(${a[0]}, ${a[1]}, ${a[2]}, [${a.slice(3).join(', ')}])` },
  { name: 'allocate_available', minArgs: 7, maxArgs: Infinity, units: 'none',
    doc: 'Vensim ALLOCATE AVAILABLE as allocate_available(k, supply, requests…, profiles…): the allocation of requester k (1-based); each profile is type, priority, width, extra',
    checkArity: (n) => ((n - 2) % 5 === 0 ? undefined : 'needs k, supply, then n requests and n profiles of 4 numbers each'),
    emit: (a) => `R.allocateAvailable(${a.join(', ')})` },
  ALLOCATE_BY_PRIORITY,
  { name: 'stella_allocate', minArgs: 7, maxArgs: Infinity, units: 'none',
    doc: "Stella ALLOCATE as stella_allocate(k, supply, requests…, profiles…): allocate_available's arguments and curves, with the exact normal CDF for normal curves",
    checkArity: (n) => ((n - 2) % 5 === 0 ? undefined : 'needs k, supply, then n requests and n profiles of 4 numbers each'),
    emit: (a) => `R.allocateExact(${a.join(', ')})` },
  { name: 'vector_lookup', minArgs: 7, maxArgs: Infinity, units: 'none',
    doc: 'Vensim VECTOR LOOKUP as vector_lookup(x, xmin, xmax, mode, missing, y_1, …, y_n): a lookup through y at n equally spaced x from xmin to xmax, in one of the ten modes (vector-lookup.ts)',
    emit: (a) => `R.vectorLookup(${a.join(', ')})` },
  { name: 'find_market_price', minArgs: 12, maxArgs: Infinity, units: 'none',
    doc: 'Vensim FIND MARKET PRICE as find_market_price(missing, nd, demands…, demand profiles…, supplies…, supply profiles…): the price at which demand equals supply (market.ts); missing when every curve is a fixed quantity',
    checkArity: (n) => ((n - 2) % 5 === 0 ? undefined : 'needs missing, nd, then nd demands with nd profiles of 4 numbers and the supplies with their profiles'),
    emit: (a) => `R.findMarketPrice(${a.join(', ')})` },
  { name: 'demand_at_price', minArgs: 6, maxArgs: 6, units: 'first',
    doc: 'Vensim DEMAND AT PRICE as demand_at_price(q, type, priority, width, extra, price): the quantity demanded at price (market.ts)',
    emit: (a) => `R.demandAtPrice(${a.join(', ')})` },
  { name: 'supply_at_price', minArgs: 6, maxArgs: 6, units: 'first',
    doc: 'Vensim SUPPLY AT PRICE as supply_at_price(q, type, priority, width, extra, price): the quantity supplied at price (market.ts)',
    emit: (a) => `R.supplyAtPrice(${a.join(', ')})` },
  { name: 'rank_index', minArgs: 2, maxArgs: Infinity, units: 'dimensionless',
    doc: 'XMILE RANK as rank_index(k, x1, …, xn): 1-based position of the k-th smallest xi, ties to the earlier; 0 unless 1 ≤ k ≤ n (rank.ts)',
    emit: (a) => `R.rankIndex(${a[0]}, [${a.slice(1).join(', ')}])` },
  { name: 'rank_index_by', minArgs: 3, maxArgs: Infinity, units: 'dimensionless',
    doc: 'XMILE RANK with a secondary sort array as rank_index_by(k, x1, …, xn, y1, …, yn): ties in x broken by y, then by position',
    checkArity: (n) => (n % 2 === 1 ? undefined : 'needs k, then n values and n tie-breakers'),
    emit: (a) => {
      const n = (a.length - 1) / 2;
      return `R.rankIndex(${a[0]}, [${a.slice(1, 1 + n).join(', ')}], [${a.slice(1 + n).join(', ')}])`;
    } },
  randomFn('random', 'uniform on [min, max): random(min, max[, seed])'),
  randomFn('normal', 'normal: normal(mean, sd[, seed])'),
  randomFn('lognormal', 'lognormal with its own mean and sd: lognormal(mean, sd[, seed])'),
  randomFn('exprnd', 'exponential: exprnd(mean[, seed])'),
  randomFn('poisson', 'Poisson: poisson(mean[, seed])', 'none'),
  randomFn('beta', 'beta with shape parameters alpha and beta, on [0, 1]: beta(alpha, beta[, seed]) (Stella BETA)', 'none'),
  randomFn('binomial', 'successes in n trials of probability p (p outside [0, 1] is 1): binomial(n, p[, seed]) (Stella BINOMIAL)', 'none'),
  randomFn('gamma', 'gamma with shape k and scale θ, mean kθ: gamma(shape, scale[, seed]) (Stella GAMMA)', 'none'),
  randomFn('weibull', 'Weibull with shape k and scale λ, CDF 1 − exp(−(x/λ)^k): weibull(shape, scale[, seed]) (Stella WEIBULL)', 'none'),
  randomFn('logistic', 'logistic with mean μ and scale s, CDF 1/(1 + exp(−(x − μ)/s)): logistic(mean, scale[, seed]) (Stella LOGISTIC)'),
  randomFn('triangular', 'triangular from lower to upper, peaking at mode: triangular(lower, mode, upper[, seed]) (Stella TRIANGULAR)'),
  randomFn('montecarlo', '1 with probability probability·DT/100 each step, else 0 (probability in percent per unit time): montecarlo(probability[, seed]) (Stella MONTECARLO)', 'dimensionless'),
  { name: 'step', minArgs: 2, maxArgs: 2, doc: 'height from t0 on, 0 before', units: 'first', emit: (a) => `R.step(${INPUT_TIME}, ${a[0]}, ${a[1]})` },
  { name: 'ramp', minArgs: 2, maxArgs: 3, doc: 'slope·(time − t0) from t0, held after t1', units: 'none',
    emit: (a) => `R.ramp(${INPUT_TIME}, ${a[0]}, ${a[1]}, ${a[2] ?? 'Infinity'})` },
  { name: 'pulse', minArgs: 2, maxArgs: 3, doc: 'XMILE PULSE(magnitude, first[, interval]): area magnitude over one dt', units: 'none',
    emit: (a) => `R.pulse(${INPUT_TIME}, DT, ${a[0]}, ${a[1]}, ${a[2] ?? '0'})` },
  { name: 'pulse_train', minArgs: 4, maxArgs: 4, doc: 'Vensim PULSE TRAIN(start, width, interval, end)', units: 'dimensionless',
    emit: (a) => `R.pulseTrain(${INPUT_TIME}, DT, ${a[0]}, ${a[1]}, ${a[2]}, ${a[3]})` },
  ...TABLE_FUNCTIONS,
  ...VECTOR_FUNCTIONS,
  ...VECTOR_SITE_FUNCTIONS,
  ...VENSIM_RANDOM_FUNCTIONS,
  ...STELLA_MATH_FUNCTIONS,
  ...STELLA_FINANCE_FUNCTIONS,
];

const byName: ReadonlyMap<string, FunctionSpec> = new Map(
  FUNCTIONS.flatMap((f) => [[f.name, f] as const, ...(f.aliases ?? []).map((a) => [a, f] as const)]),
);

export function functionSpec(name: string): FunctionSpec | undefined {
  return byName.get(name);
}

export function functionNames(): string[] {
  return [...byName.keys()];
}

/** Names usable without arguments in equations, and the JS they compile to. */
export const RESERVED: ReadonlyMap<string, string> = new Map([
  ['time', 't'], ['dt', 'DT'], ['time_step', 'DT'],
  ['starttime', 'START'], ['initial_time', 'START'], ['stoptime', 'STOP'], ['final_time', 'STOP'],
  ['saveper', 'SAVEPER'], ['pi', 'Math.PI'], ['e', 'Math.E'], ['inf', 'Infinity'], ['nan', 'NaN'],
]);
/** Reserved constants that a variable of the same name shadows (a model's own `e` or `pi`). */
export const SHADOWED_CONSTANTS: ReadonlySet<string> = new Set(['pi', 'e', 'inf', 'nan']);
/** Reserved clock names that Vensim leaves free (its clock is TIME STEP, INITIAL TIME, FINAL TIME). */
export const NATIVE_ONLY_NAMES: ReadonlySet<string> = new Set(['dt', 'starttime', 'stoptime']);
