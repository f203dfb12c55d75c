/**
 * `sweep`: the equilibria of a model as one constant p varies over [lo, hi]. Equilibria are
 * found at lo, hi and five values between (findEquilibria), and each one not already on a
 * traced branch is continued in both directions; folds and Hopf points on the branches are
 * located (bifurcations.ts).
 */
import { error, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName, didYouMean } from '../../core/names.js';
import type { Model, Variable } from '../../model/types.js';
import { bifurcations, type Bifurcation } from './bifurcations.js';
import { pointAt, trace, type CurvePoint, type Family } from './continuation.js';
import { classify, findEquilibria, residualTolerance, stateScale, type SearchOptions } from './equilibria.js';
import type { Range } from './box.js';
import type { Eigenvalue } from './eigen.js';
import { dynamicalSystem, type DynamicalSystem, type SystemOptions } from './system.js';

export interface SweepPoint {
  readonly value: number;
  readonly state: readonly number[];
  readonly stable: boolean;
  readonly eigenvalues: readonly Eigenvalue[];
}

export interface SweepBifurcation {
  readonly value: number;
  readonly state: readonly number[];
  readonly branch: number;
  readonly eigenvalues: readonly Eigenvalue[];
  /** Hopf points: angular frequency of the oscillation born there. */
  readonly frequency?: number;
}

export interface Sweep {
  readonly parameter: string;
  readonly lo: number;
  readonly hi: number;
  readonly stockNames: readonly string[];
  readonly branches: readonly (readonly SweepPoint[])[];
  readonly folds: readonly SweepBifurcation[];
  readonly hopf: readonly SweepBifurcation[];
  readonly system: DynamicalSystem;
}

export interface SweepOptions extends SystemOptions, SearchOptions {
  readonly parameter: string;
  readonly lo: number;
  readonly hi: number;
}

/**
 * Why `parameter` cannot be swept, or undefined when it can. What can be swept is what `--set`
 * can set (sim/simulate.ts withOverrides), less what does not move an equilibrium: a stock's
 * initial value (the equilibria are where its flows balance, wherever it starts) and a lookup
 * (a table, not a number). An auxiliary or flow is held at each value, as --set holds it.
 */
function sweepRefusal(model: Model, parameter: string, v: Variable | undefined) {
  const at = { file: model.file };
  if (!v) {
    const ids = model.variables.map((x) => x.id);
    const guess = didYouMean(canonicalName(parameter), ids);
    const name = guess === undefined ? undefined : model.variables[ids.indexOf(guess)].name;
    return error('unknown-variable', `--param names '${parameter}', which the model does not define`, { ...at, hint: name ? `did you mean '${name}'?` : 'give a constant of the model' });
  }
  if (v.kind === 'stock') {
    return error('not-sweepable', `--param names the stock '${v.name}': its initial value does not move the equilibria, which lie where its flows balance`, { ...at, variable: v.name, hint: `sweep a constant its flows depend on; to see how the start changes a run, use stockflow run --set "${v.name}=VALUE"` });
  }
  if (v.kind === 'lookup') {
    return error('not-sweepable', `--param names the lookup '${v.name}', a table rather than a number`, { ...at, variable: v.name, hint: 'sweep a constant that scales its input or output' });
  }
  return undefined;
}

/** Values where equilibria are searched for branch seeds: lo, hi and five between. */
const SEEDS = 7;

export function sweep(model: Model, o: SweepOptions): { sweep?: Sweep; diagnostics: Diagnostic[] } {
  const variable = model.variables.find((v) => v.id === canonicalName(o.parameter));
  const refused = sweepRefusal(model, o.parameter, variable);
  if (refused || !variable) return { diagnostics: refused ? [refused] : [] };
  const built = dynamicalSystem(model, { ...o, overrides: { ...o.overrides, [variable.name]: o.lo } });
  if (!built.system) return { diagnostics: built.diagnostics };
  const s = built.system;
  const slot = s.constantSlot(variable.name)!;
  const seeds: { p: number; x: readonly number[] }[] = [];
  let box: readonly Range[] = [];
  for (let k = 0; k < SEEDS; k++) {
    const p = o.lo + ((o.hi - o.lo) * k) / (SEEDS - 1);
    s.setConstant(slot, p);
    const found = findEquilibria(s, o);
    if (hasErrors(found.diagnostics)) return { diagnostics: found.diagnostics };
    if (!box.length) box = found.box;
    for (const e of found.equilibria) seeds.push({ p, x: e.state });
  }
  const w = box.map((r) => r.hi - r.lo);
  const f: Family = { s, slot, w, wp: o.hi - o.lo };
  const ftol = residualTolerance((x, out) => s.rates(x, out), seeds.map((e) => e.x), s.n) * 10;
  const inBounds = (x: readonly number[]) => x.every((v, i) => v >= box[i].lo - 1e-9 * w[i] && v <= box[i].hi + w[i]);
  const branches: CurvePoint[][] = [];
  for (const seed of seeds) {
    if (branches.some((b) => onBranch(b, seed, w))) continue;
    const branch = traceBoth(f, seed, { lo: o.lo, hi: o.hi, inBounds, ftol });
    // A seed the interpolation missed can retrace a known branch: keep only new curves.
    const known = branch.filter((c) => branches.some((b) => onBranch(b, { p: c.p, x: c.x }, w))).length;
    if (branch.length > 1 && known < 0.5 * branch.length) branches.push(branch);
  }
  s.setConstant(slot, o.lo);
  const found = branches.map((b, i) => bifurcations(f, b, ftol).map((c) => ({ ...c, branch: i })));
  const inRange = (c: CurvePoint) => c.p >= o.lo && c.p <= o.hi && inBounds(c.x);
  const asBifurcation = (c: { point: CurvePoint; branch: number; frequency?: number }): SweepBifurcation => ({
    value: c.point.p, state: c.point.x, branch: c.branch, eigenvalues: c.point.eigenvalues, frequency: c.frequency,
  });
  const all = found.flat().filter((c) => inRange(c.point));
  return {
    sweep: {
      parameter: variable.name, lo: o.lo, hi: o.hi, stockNames: s.stockNames, system: s,
      branches: branches.map((b, i) => withBifurcations(b, found[i]).filter((c) => inRange(c.point)).map(({ point, stable }) => ({ value: point.p, state: point.x, stable, eigenvalues: point.eigenvalues }))),
      folds: all.filter((c) => c.kind === 'fold').map(asBifurcation).sort((a, b) => a.value - b.value),
      hopf: all.filter((c) => c.kind === 'hopf').map(asBifurcation).sort((a, b) => a.value - b.value),
    },
    diagnostics: built.diagnostics,
  };
}

/**
 * Branch points with the located bifurcations inserted where they lie. A bifurcation point
 * belongs to the stable run it ends or starts (its own eigenvalues sit on the imaginary axis), so stable
 * segments reach the fold exactly.
 */
function withBifurcations(points: readonly CurvePoint[], marks: readonly Bifurcation[]): { point: CurvePoint; stable: boolean }[] {
  const stable = points.map((p) => classify(p.eigenvalues).stable);
  const out: { point: CurvePoint; stable: boolean }[] = [];
  points.forEach((point, k) => {
    out.push({ point, stable: stable[k] });
    for (const m of marks.filter((b) => b.index === k)) out.push({ point: m.point, stable: stable[k] || stable[k + 1] === true });
  });
  return out;
}

/** The branch through a seed, traced both ways and joined in order of travel. */
function traceBoth(f: Family, seed: { p: number; x: readonly number[] }, o: Parameters<typeof trace>[2]): CurvePoint[] {
  const n = seed.x.length;
  const up = [...new Array<number>(n).fill(0), 1];
  const start = pointAt(f, seed.x, seed.p, up);
  if (!start) return [];
  const forward = trace(f, start, o);
  const back = trace(f, { ...start, tangent: start.tangent.map((v) => -v) }, o);
  // The backward half is reoriented so that tangents point along the joined branch.
  const reversed = back.slice(1).reverse().map((c) => ({ ...c, tangent: c.tangent.map((v) => -v) }));
  return [...reversed, ...forward];
}

/** Whether a seed lies on a traced branch: near a point of it, or on a segment between two. */
function onBranch(branch: readonly CurvePoint[], seed: { p: number; x: readonly number[] }, w: readonly number[]): boolean {
  const wp = Math.abs(branch[branch.length - 1].p - branch[0].p) || 1;
  for (let k = 0; k + 1 < branch.length; k++) {
    const a = branch[k], b = branch[k + 1];
    if ((seed.p - a.p) * (seed.p - b.p) > 1e-12 * wp * wp) continue;
    const u = b.p === a.p ? 0 : (seed.p - a.p) / (b.p - a.p);
    if (seed.x.every((v, i) => Math.abs(v - (a.x[i] + u * (b.x[i] - a.x[i]))) <= 1e-3 * w[i])) return true;
  }
  return false;
}

export { stateScale };
