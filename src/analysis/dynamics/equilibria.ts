/**
 * Every equilibrium of a model in its plausible box: damped Newton from many starts (the
 * initial state, points along the model's own run, the box's corners for small models and a
 * Halton sample of the box), the roots deduplicated and classified by the eigenvalues of the
 * Jacobian there.
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { nameHint } from '../../core/names.js';
import { eigenvalues, type Eigenvalue } from './eigen.js';
import { halton, plausibleBox, type Range } from './box.js';
import { follow } from './flow.js';
import { newton, type Field } from './newton.js';
import { jacobianSides, sideCombinations, type JacobianSides } from './switches.js';
import { dynamicalSystem, type DynamicalSystem, type SystemOptions } from './system.js';
import type { Model } from '../../model/types.js';

export interface Equilibrium {
  /** State by stock name as written (helpers by their builtin name). */
  readonly stocks: Readonly<Record<string, number>>;
  readonly state: readonly number[];
  /** Every eigenvalue has a negative real part. */
  readonly stable: boolean;
  /** No eigenvalue on the imaginary axis: stability is decided by the linearisation. */
  readonly hyperbolic: boolean;
  readonly eigenvalues: readonly Eigenvalue[];
  /** Largest |rate| left at the equilibrium. */
  readonly residual: number;
  readonly flows: Readonly<Record<string, number>>;
  readonly auxiliaries: Readonly<Record<string, number>>;
  /** Held stocks (--freeze, --only): their value and the rate they would have here. */
  readonly held: Readonly<Record<string, { value: number; rate: number }>>;
  /**
   * Set when the rates switch slope at this state (switches.ts): no single Jacobian exists,
   * `eigenvalues` is empty and each one-sided linearisation is listed instead; `stable` then
   * means stable on every side (exact for one state variable, a strong indication otherwise).
   */
  readonly switch?: SwitchPoint;
}

export interface SwitchPoint {
  /** State variables whose rates have a corner here, with the rates that do. */
  readonly stocks: readonly { readonly stock: string; readonly rates: readonly string[] }[];
  readonly sides: readonly { readonly sides: Readonly<Record<string, 'above' | 'below'>>; readonly eigenvalues: readonly Eigenvalue[]; readonly stable: boolean }[];
}

export interface EquilibriumSearch {
  readonly equilibria: Equilibrium[];
  readonly box: readonly Range[];
  readonly starts: number;
  readonly diagnostics: Diagnostic[];
}

export interface SearchOptions {
  /** Ranges given by name, replacing the plausible box's. */
  readonly box?: Readonly<Record<string, Range>>;
  /** Halton starts in the box (default 40 + 20 per state variable, at most 600). */
  readonly starts?: number;
}

/** Typical magnitude of each state variable: a hundredth of the box, at least 1e-6. */
export function stateScale(box: readonly Range[]): number[] {
  return box.map((r) => Math.max((r.hi - r.lo) / 100, Math.abs(r.hi) * 1e-3, 1e-6));
}

/**
 * Residual tolerance: 1e-9 of the largest rate seen at the starts (the rates' own scale),
 * at least 1e-12; roots are polished by Newton until its step is below 1e-10 of the scale.
 */
export function residualTolerance(f: Field, starts: readonly (readonly number[])[], n: number): number {
  let big = 0;
  const out = new Float64Array(n);
  for (const x of starts) { f(x, out); for (const v of out) if (Number.isFinite(v)) big = Math.max(big, Math.abs(v)); }
  return Math.max(1e-9 * big, 1e-12);
}

export function findEquilibria(s: DynamicalSystem, o: SearchOptions = {}): EquilibriumSearch {
  const diagnostics: Diagnostic[] = [];
  const given = new Map<number, Range>();
  for (const [name, range] of Object.entries(o.box ?? {})) {
    const i = s.stockNames.findIndex((x) => x.toLowerCase() === name.toLowerCase());
    if (i < 0) diagnostics.push(error('unknown-variable', `--box names '${name}', which is not a stock`, { file: s.model.file, hint: nameHint(name, s.stockNames, `stocks: ${s.stockNames.join(', ')}`) }));
    else given.set(i, range);
  }
  if (diagnostics.length) return { equilibria: [], box: [], starts: 0, diagnostics };
  const box = plausibleBox(s, given);
  const scale = stateScale(box);
  const starts = startPoints(s, box, o.starts ?? Math.min(600, 40 + 20 * s.n));
  const f: Field = (x, out) => s.rates(x, out);
  const ftol = residualTolerance(f, starts, s.n);
  const roots: number[][] = [];
  for (const x0 of starts) {
    const x = newton(f, x0, { scale, ftol });
    if (!x || !inside(x, box, scale)) continue;
    snapZeros(f, x, scale, ftol);
    if (!roots.some((r) => same(r, x, scale))) roots.push(x);
  }
  const equilibria = roots.map((x) => describe(s, x, scale)).sort(byState);
  const switched = equilibria.filter((e) => e.switch);
  if (switched.length) {
    const where = [...new Set(switched.flatMap((e) => e.switch!.stocks.map((c) => c.stock)))];
    diagnostics.push(warning('jacobian-at-switch', `${switched.length} equilibri${switched.length === 1 ? 'um lies' : 'a lie'} on a switch of the rates (if-then-else, min, max): their slope differs on either side of ${where.map((w) => `'${w}'`).join(', ')}, so no single Jacobian exists there; each side's eigenvalues are listed instead`, { file: s.model.file, hint: 'hold the stocks of the other phase with --freeze or --only to analyse one side of the switch' }));
  }
  const flat = equilibria.filter((e) => !e.hyperbolic && !e.switch).length;
  if (flat) {
    diagnostics.push(warning('non-hyperbolic-equilibria', `${flat} equilibri${flat === 1 ? 'um has' : 'a have'} an eigenvalue on the imaginary axis: its stability is not decided by the linearisation, and a zero eigenvalue often means a line of equilibria (a conserved total) of which only the points the starts reached are listed`, { file: s.model.file, hint: 'fix the conserved total with --set or analyse the reduced model' }));
  }
  return { equilibria, box, starts: starts.length, diagnostics };
}

/** An equilibrium with its eigenvalues, stability and every flow and auxiliary there. */
export function describe(s: DynamicalSystem, x: readonly number[], scale: readonly number[]): Equilibrium {
  const f: Field = (y, out) => s.rates(y, out);
  const sides = jacobianSides(f, x, scale);
  const at = switchPoint(s, sides);
  const eig = at ? [] : eigenvalues(sides.central);
  const { stable, hyperbolic } = at ? { stable: at.sides.every((side) => side.stable), hyperbolic: false } : classify(eig);
  const heldRates = s.heldRates(x);
  const out = new Float64Array(s.n);
  f(x, out);
  const v = s.values(x);
  const named = (kind: string) => Object.fromEntries(s.compiled.layout.columns
    .filter((c) => c.kind === kind && !c.helper).map((c) => [c.name, v[c.slot]]));
  return {
    stocks: Object.fromEntries(s.stockNames.map((name, i) => [name, x[i]])),
    state: x, stable, hyperbolic, eigenvalues: eig,
    residual: Math.max(0, ...Array.from(out, Math.abs)),
    flows: named('flow'), auxiliaries: named('aux'),
    held: Object.fromEntries(s.held.map((h, k) => [h.name, { value: h.value, rate: heldRates[k] }])),
    ...(at ? { switch: at } : {}),
  };
}

function switchPoint(s: DynamicalSystem, sides: JacobianSides): SwitchPoint | undefined {
  if (!sides.straddled.length) return undefined;
  return {
    stocks: sides.straddled.map((c) => ({ stock: s.stockNames[c.column], rates: c.rows.map((i) => s.stockNames[i]) })),
    sides: sideCombinations(sides).map((c) => {
      const eig = eigenvalues(c.matrix);
      return { sides: Object.fromEntries(c.sides.map((side, k) => [s.stockNames[sides.straddled[k].column], side])), eigenvalues: eig, stable: classify(eig).stable };
    }),
  };
}

/**
 * Stable when every real part is below −1e-7 of the spectral radius (the finite-difference
 * Jacobian carries errors of about that relative size, FD_STEP² and ε/FD_STEP); an
 * eigenvalue within that band of the imaginary axis makes the equilibrium non-hyperbolic,
 * and it is then not called stable.
 */
export function classify(eig: readonly Eigenvalue[]): { stable: boolean; hyperbolic: boolean } {
  const radius = Math.max(1e-12, ...eig.map(([re, im]) => Math.hypot(re, im)));
  const band = 1e-7 * radius;
  const hyperbolic = eig.every(([re]) => Math.abs(re) > band);
  return { stable: hyperbolic && eig.every(([re]) => re < -band), hyperbolic };
}

/** Runs from Halton points whose end states are also starts. */
const SETTLING_RUNS = 12;

function startPoints(s: DynamicalSystem, box: readonly Range[], count: number): number[][] {
  const starts: number[][] = [[...s.initial]];
  if (s.n <= 6) {
    for (let m = 0; m < 1 << s.n; m++) starts.push(box.map((r, i) => ((m >> i) & 1 ? r.hi : r.lo)));
  }
  const sampled: number[][] = [];
  for (let k = 0; k < count; k++) sampled.push(halton(k, s.n).map((u, i) => box[i].lo + u * (box[i].hi - box[i].lo)));
  // Where runs from spread-out states settle: the attractors, whatever the box's shape.
  const horizon = s.compiled.sim.stop - s.compiled.sim.start;
  for (const x0 of sampled.slice(0, SETTLING_RUNS)) {
    const end = follow(s, x0, { duration: horizon, step: horizon });
    if (end.ok) starts.push(end.x);
  }
  return [...starts, ...sampled];
}

function inside(x: readonly number[], box: readonly Range[], scale: readonly number[]): boolean {
  return x.every((v, i) => Number.isFinite(v) && v >= box[i].lo - 1e-6 * scale[i] && v <= box[i].hi + 1e-6 * scale[i]);
}

/** Two roots are one when every component agrees to 1e-5 of the state's scale. */
export function same(a: readonly number[], b: readonly number[], scale: readonly number[]): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= 1e-5 * scale[i]);
}

function byState(a: Equilibrium, b: Equilibrium): number {
  for (let i = 0; i < a.state.length; i++) if (a.state[i] !== b.state[i]) return a.state[i] - b.state[i];
  return 0;
}

/** Components within 1e-9 of the scale of zero become exactly zero when the rates stay zero. */
function snapZeros(f: Field, x: number[], scale: readonly number[], ftol: number): void {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (x[i] === 0 || Math.abs(x[i]) > 1e-9 * scale[i]) continue;
    const kept = x[i];
    x[i] = 0;
    f(x, out);
    if (!out.every((v) => Math.abs(v) <= ftol)) x[i] = kept;
  }
}

/** Builds the model's dynamical system and finds its equilibria; diagnostics instead of throwing. */
export function modelEquilibria(model: Model, o: SystemOptions & SearchOptions = {}): { system?: DynamicalSystem; search?: EquilibriumSearch; diagnostics: Diagnostic[] } {
  const built = dynamicalSystem(model, o);
  if (!built.system) return { diagnostics: built.diagnostics };
  const search = findEquilibria(built.system, o);
  return { system: built.system, search, diagnostics: [...built.diagnostics, ...search.diagnostics] };
}
