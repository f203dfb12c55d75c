/**
 * Is dt small enough for the model's fastest time constant? For a stock drained by outflows
 * the residence time τ = stock / outflow at the initial state is a first-order time constant;
 * with Euler (and the other fixed-step methods) a step of more than τ/2 overshoots and the
 * run turns into a sawtooth or goes negative, silently. The check runs the model for one step
 * (the model already compiled for the run when there is one) to get the initial flows, and
 * warns for each stock with τ < 2·dt (once per arrayed stock, naming its shortest element),
 * suggesting a dt of at most τ/4 (a power-of-two fraction of the unit, exact in binary). Adaptive methods choose their own step and are not checked.
 */
import { warning, type Diagnostic } from '../core/diagnostics.js';
import type { Model, SimSpec, Stock } from '../model/types.js';
import type { CompiledModel } from '../compile/compile.js';
import { getIntegrator } from './integrators/index.js';
import { runCompiled } from './run.js';
import { trySimulate, type SimulateOptions } from './simulate.js';

export function checkTimeStep(model: Model, options: SimulateOptions = {}, compiled?: CompiledModel): Diagnostic[] {
  const sim: SimSpec = compiled?.sim ?? { ...model.sim, ...definedOf(options) };
  if (getIntegrator(sim.method)?.adaptive || sim.varying?.dt || !(sim.dt > 0)) return [];
  // Only a stock with outflows can drain faster than dt; without one, nothing needs running.
  if (!model.variables.some((v) => v.kind === 'stock' && v.outflows.length)) return [];
  const oneStep = { stop: sim.start + sim.dt, saveper: sim.dt };
  // A model already compiled for the run (as `run` has) is probed as it is, not built again.
  const r = compiled
    ? runCompiled({ ...compiled, sim: { ...sim, ...oneStep } }, { seed: options.seed }).result
    : trySimulate(model, { ...options, ...oneStep }).result;
  if (!r) return [];
  // Elements of one arrayed stock share an equation: they get one warning, not one each.
  const groups = new Map<string, { stock: Stock; tau: number; count: number }>();
  for (const v of model.variables) {
    if (v.kind !== 'stock' || !v.outflows.length || !r.has(v.name)) continue;
    const level = r.series(v.name)[0];
    const drain = outflowAt0(v, (name) => (r.has(name) ? r.series(name)[0] : NaN));
    if (!(level > 0) || !(drain > 0)) continue;
    const tau = level / drain;
    if (tau >= 2 * sim.dt) continue;
    // A macro's internal levels (Variable.partOf) get one warning, about the caller's variable.
    const key = v.partOf !== undefined ? `\u0000${v.partOf}` : `${baseName(v.name)}\u0000${v.origin?.line ?? v.name}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { stock: v, tau, count: 1 });
    else { g.count++; if (tau < g.tau) Object.assign(g, { stock: v, tau }); }
  }
  const unit = sim.timeUnit ? ` ${sim.timeUnit}` : '';
  return [...groups.values()].map(({ stock: v, tau, count }) => {
    const safer = 2 ** Math.floor(Math.log2(tau / 4));
    const what = v.partOf !== undefined
      ? `the macro call in '${v.partOf}' (its internal level${count > 1 ? `s, shortest: ` : ' '}'${v.name}', stock / outflow = ${round(tau)}${unit})`
      : count > 1
        ? `${count} elements of '${baseName(v.name)}' (shortest: '${v.name}', stock / outflow = ${round(tau)}${unit})`
        : `'${v.name}' (stock / outflow = ${round(tau)}${unit})`;
    return warning('dt-too-large',
      `dt = ${sim.dt} is more than half the time constant of ${what} at the start: the run will overshoot or oscillate`,
      { file: model.file, variable: v.partOf ?? v.name, ...(v.origin?.line !== undefined ? { line: v.origin.line, column: v.origin.column } : {}), hint: `use dt = ${safer} or smaller (sim.dt, or --dt), or an adaptive method (--method rk45)` });
  });
}

/** `In Transit[Game1,Retailer]` → `In Transit`. */
function baseName(name: string): string {
  const i = name.indexOf('[');
  return i > 0 && name.endsWith(']') ? name.slice(0, i) : name;
}

function outflowAt0(s: Stock, value: (name: string) => number): number {
  let sum = 0;
  for (const f of s.outflows) sum += value(f);
  return sum;
}

function definedOf(o: SimulateOptions): Partial<SimSpec> {
  return Object.fromEntries(Object.entries({ dt: o.dt, method: o.method, start: o.start }).filter(([, x]) => x !== undefined));
}

function round(x: number): string {
  return String(Number(x.toPrecision(3)));
}
