/**
 * XMILE builtin functions and constants and their native equivalents (docs/equations.md).
 * Sources: XMILE 1.0 §3.5 (standard library), §3.7.1.3 (array builtins), and isee Stella
 * names common in `.stmx` files (SAFEDIV, SINWAVE, COSWAVE, ROUND, MOD, LOOKUP, hyperbolic
 * functions). Functions whose translation is not a plain rename are marked `special` and
 * handled in translate-call.ts.
 */
export interface BuiltinSpec {
  /** Native function name (for plain renames). */
  readonly native: string;
  readonly min: number;
  readonly max: number;
  /** Handled by custom code instead of a rename. */
  readonly special?: 'array' | 'lookup' | 'if' | 'mod' | 'wave' | 'previous' | 'self-size' | 'const' | 'rank' | 'allocate' | 'vector' | 'modulo' | 'interpolate' | 'vensim-allocate' | 'lookuparea';
}

const plain = (native: string, min: number, max = min): BuiltinSpec => ({ native, min, max });
const vector = (args: number): BuiltinSpec => ({ native: 'vector', min: args, max: args, special: 'vector' });

/** Keyed by canonical XMILE name. */
export const XMILE_FUNCTIONS: ReadonlyMap<string, BuiltinSpec> = new Map<string, BuiltinSpec>([
  // §3.5.1 mathematical
  ['abs', plain('abs', 1)], ['arccos', plain('arccos', 1)], ['arcsin', plain('arcsin', 1)],
  ['arctan', plain('arctan', 1)], ['cos', plain('cos', 1)], ['exp', plain('exp', 1)],
  ['int', plain('int', 1)], ['ln', plain('ln', 1)], ['log10', plain('log10', 1)],
  ['sin', plain('sin', 1)], ['sqrt', plain('sqrt', 1)], ['tan', plain('tan', 1)],
  ['pi', { native: 'pi', min: 0, max: 0, special: 'const' }],
  ['inf', { native: 'inf', min: 0, max: 0, special: 'const' }],
  // Stella / common extensions
  ['sinh', plain('sinh', 1)], ['cosh', plain('cosh', 1)], ['tanh', plain('tanh', 1)],
  ['round', plain('round', 1)], ['sign', plain('sign', 1)], ['ceil', plain('ceil', 1)], ['floor', plain('floor', 1)],
  ['safediv', plain('safediv', 2, 3)], ['xidz', plain('xidz', 3)], ['zidz', plain('zidz', 2)],
  ['mod', { native: 'mod', min: 2, max: 2, special: 'mod' }],
  // Vensim MODULO, which xmutil leaves in translated files: the remainder with the sign of the dividend
  ['modulo', { native: 'trunc', min: 2, max: 2, special: 'modulo' }],
  // isee Stella mathematical and statistical builtins (builtins/stella-math.ts), and the
  // inverse of a graphical function: the smallest x where it takes the value y
  ['rootn', plain('rootn', 2)], ['gammaln', plain('gammaln', 1)], ['factorial', plain('factorial', 1)],
  ['combinations', plain('combinations', 2)], ['permutations', plain('permutations', 2)],
  ['normalcdf', plain('normalcdf', 2, 4)], ['invnorm', plain('invnorm', 1, 3)],
  ['lookupinv', plain('lookup_invert', 2)],
  // isee LOOKUPAREA(gf, x): the area under the graphical function from its first x-point to x (docs/builtins.md)
  ['lookuparea', { native: 'lookup_area', min: 2, max: 2, special: 'lookuparea' }],
  // isee Stella financial builtins FV, PV, PMT (builtins/stella-finance.ts)
  ['fv', plain('fv', 3, 4)], ['pv', plain('pv', 3, 4)], ['pmt', plain('pmt', 3, 4)],
  // isee Stella NPV(stream, rate[, initial, factor]), the stream discounted at rate per time unit (Vensim's NPV)
  ['npv', plain('npv', 2, 4)],
  ['sinwave', { native: 'sin', min: 2, max: 2, special: 'wave' }],
  ['coswave', { native: 'cos', min: 2, max: 2, special: 'wave' }],
  ['lookup', { native: 'lookup', min: 2, max: 2, special: 'lookup' }],
  ['if_then_else', { native: 'if', min: 3, max: 3, special: 'if' }],
  // §3.5.2 statistical (seeded; native names, see the report to the engine owner)
  ['exprnd', plain('exprnd', 1, 2)], ['lognormal', plain('lognormal', 2, 3)],
  ['normal', plain('normal', 2, 3)], ['poisson', plain('poisson', 1, 2)], ['random', plain('random', 2, 3)],
  // isee Stella BETA(alpha, beta[, seed]) and BINOMIAL(trials, p[, seed]) ("Statistical builtins")
  ['beta', plain('beta', 2, 3)], ['binomial', plain('binomial', 2, 3)],
  // isee Stella GAMMA(shape, scale[, seed]), WEIBULL(shape, scale[, seed]), LOGISTIC(mean, scale[, seed]),
  // TRIANGULAR(lower, mode, upper[, seed]), UNIFORM(min, max[, seed]) and MONTECARLO(probability[, seed])
  // (docs/builtins.md, "Stella statistical builtins", gives the source of each)
  ['gamma', plain('gamma', 2, 3)], ['weibull', plain('weibull', 2, 3)], ['logistic', plain('logistic', 2, 3)],
  ['triangular', plain('triangular', 3, 4)], ['uniform', plain('random', 2, 3)], ['montecarlo', plain('montecarlo', 1, 2)],
  // §3.5.3 delays and smooths
  ['delay', plain('delay_fixed', 2, 3)], ['delay1', plain('delay1', 2, 3)], ['delay3', plain('delay3', 2, 3)],
  ['delayn', plain('delayn', 3, 4)], ['forcst', plain('forecast', 3, 4)], ['smth1', plain('smooth', 2, 3)],
  ['smth3', plain('smooth3', 2, 3)], ['smthn', plain('smoothn', 3, 4)], ['trend', plain('trend', 2, 3)],
  // §3.5.4 test inputs
  ['pulse', plain('pulse', 2, 3)], ['ramp', plain('ramp', 2)], ['step', plain('step', 2)],
  // §3.5.6 miscellaneous
  ['init', plain('init', 1)], ['previous', { native: 'previous', min: 1, max: 2, special: 'previous' }],
  // isee vendor function (Stella): the value at an earlier time (builtins/history.ts)
  ['history', plain('history', 2)],
  // isee vendor function (Stella): priority allocation over a dimension (allocate.ts)
  ['allocate', { native: 'stella_allocate', min: 5, max: 6, special: 'allocate' }],
  // Vensim vector functions as Vensim's XMILE export writes them (vectors.ts)
  ['vector_elm_map', vector(2)], ['vector_sort_order', vector(2)], ['vector_rank', vector(2)],
  ['vector_reorder', vector(2)], ['vector_select', vector(5)], ['vector_lookup', vector(5)],
  // Vensim allocation as Vensim's XMILE export leaves it (vensim-allocate.ts)
  ['allocate_available', { native: 'allocate_available', min: 3, max: 3, special: 'vensim-allocate' }],
  ['allocate_by_priority', { native: 'allocate_available', min: 5, max: 5, special: 'vensim-allocate' }],
  // §3.7.1.3 array builtins (MIN/MAX also take two scalars, §3.5.1)
  ['min', { native: 'min', min: 1, max: Infinity, special: 'array' }],
  ['max', { native: 'max', min: 1, max: Infinity, special: 'array' }],
  ['sum', { native: 'sum', min: 1, max: 1, special: 'array' }],
  ['prod', { native: 'prod', min: 1, max: 1, special: 'array' }],
  ['mean', { native: 'mean', min: 1, max: Infinity, special: 'array' }],
  ['stddev', { native: 'stddev', min: 1, max: 1, special: 'array' }],
  ['size', { native: 'size', min: 1, max: 1, special: 'array' }],
  ['rank', { native: 'rank_index', min: 2, max: 3, special: 'rank' }],
  // isee array builtin (Stella): interpolation in an N-dimensional array of points (interpolate.ts)
  ['interpolate', { native: 'vector_lookup', min: 2, max: Infinity, special: 'interpolate' }],
]);


/**
 * isee Stella builtins the reader refuses, with why (docs/builtins.md, "Stella builtins the
 * XMILE reader does not read"): the help text at hand does not fix what they compute.
 */
export const UNREAD_STELLA: ReadonlyMap<string, string> = new Map([
  ['geometric', 'its help does not say whether it counts the trials up to the first success or the failures before it'],
  ['pareto', 'its help does not say whether the draws start at 0 or at the scale'],
  ['irr', 'its help does not say what it gives before the stream changes sign, nor how the rate is compounded'],
  ['counter', 'its help page was not at hand to fix its arguments'],
  ['derivn', 'its help page was not at hand to fix its arguments and start-up'],
  ['endval', 'it gives the value at the end of the previous run, which a single run does not have'],
]);

/**
 * Names usable without arguments (§3.5.1, §3.5.5) and Vensim control names that xmutil
 * leaves in translated files, with the native reserved name each refers to.
 */
export const XMILE_CONSTANTS: ReadonlyMap<string, string> = new Map([
  ['time', 'time'], ['dt', 'dt'], ['starttime', 'starttime'], ['stoptime', 'stoptime'],
  ['pi', 'pi'], ['inf', 'inf'], ['nan', 'nan'],
  ['initial_time', 'starttime'], ['final_time', 'stoptime'], ['time_step', 'dt'], ['saveper', 'saveper'],
]);

/**
 * Canonical names of model variables that duplicate the simulation specs; the reader
 * folds them into `sim` instead of keeping them (they are reserved names natively).
 */
export const CONTROL_NAMES: ReadonlySet<string> = new Set([
  'initial_time', 'final_time', 'time_step', 'saveper', 'starttime', 'stoptime', 'dt', 'time',
]);

/** A vendor prefix on a function name (`isee.SAFEDIV`, `stockflow.quantum`) is dropped. */
export function stripVendor(fn: string): string {
  const m = /^(?:isee|stockflow|std)\.(.+)$/i.exec(fn);
  return m ? m[1] : fn;
}
