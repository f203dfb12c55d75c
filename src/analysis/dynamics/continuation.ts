/**
 * Pseudo-arclength continuation (Keller 1977; Allgower & Georg, Introduction to Numerical
 * Continuation Methods, 1990, ch. 2): the equilibria F(x, p) = 0 followed as a curve in
 * (x, p), so the branch turns at a fold instead of ending there. Work is in scaled
 * coordinates z = (x / w, p / wp) (w: the box widths, wp: the swept range), so one step
 * length means the same on every axis.
 */
import { eigenvalues, type Eigenvalue } from './eigen.js';
import { dot, norm, nullVector, solve, type Matrix } from './linalg.js';
import { FD_STEP, jacobian } from './newton.js';
import type { DynamicalSystem } from './system.js';

/** One computed point of a branch. */
export interface CurvePoint {
  /** The parameter's value. */
  readonly p: number;
  readonly x: readonly number[];
  /** Unit tangent in scaled coordinates, oriented along the direction of travel. */
  readonly tangent: readonly number[];
  readonly eigenvalues: readonly Eigenvalue[];
}

/** The equations of a family: F(x, p) = 0 with the parameter in a constant's slot. */
export interface Family {
  readonly s: DynamicalSystem;
  readonly slot: number;
  /** Box widths of the stocks and the swept range. */
  readonly w: readonly number[];
  readonly wp: number;
}

export function rates(f: Family, x: ArrayLike<number>, p: number, out: Float64Array): void {
  f.s.setConstant(f.slot, p);
  f.s.rates(x, out);
}

/** [∂F/∂x · diag(w) | ∂F/∂p · wp]: the Jacobian in scaled coordinates, n × (n + 1). */
export function augmentedJacobian(f: Family, x: readonly number[], p: number): { A: Matrix; Fx: Matrix } {
  const n = x.length;
  const Fx = jacobian((y, out) => rates(f, y, p, out), x, f.w);
  const hp = FD_STEP * Math.max(Math.abs(p), f.wp);
  const plus = new Float64Array(n), minus = new Float64Array(n);
  rates(f, x, p + hp, plus);
  rates(f, x, p - hp, minus);
  f.s.setConstant(f.slot, p);
  const A = Fx.map((row, i) => [...row.map((v, j) => v * f.w[j]), ((plus[i] - minus[i]) / (2 * hp)) * f.wp]);
  return { A, Fx };
}

/** A point with its tangent (oriented along `hint`) and eigenvalues. */
export function pointAt(f: Family, x: readonly number[], p: number, hint: readonly number[]): CurvePoint | undefined {
  const { A, Fx } = augmentedJacobian(f, x, p);
  const tangent = nullVector(A, hint);
  if (!tangent) return undefined;
  let eig: Eigenvalue[];
  try { eig = eigenvalues(Fx); } catch { return undefined; }
  return { p, x, tangent, eigenvalues: eig };
}

const toZ = (f: Family, x: readonly number[], p: number) => [...x.map((v, i) => v / f.w[i]), p / f.wp];
const fromZ = (f: Family, z: readonly number[]) => ({ x: z.slice(0, -1).map((v, i) => v * f.w[i]), p: z[z.length - 1] * f.wp });

/**
 * Newton on F(x, p) = 0 with the arclength condition t·(z − z0) = ds, from the predictor
 * z0 + ds·t. Residuals are measured against `ftol`; the step must fall below 1e-10 (scaled).
 */
export function correct(f: Family, from: CurvePoint, ds: number, ftol: number): CurvePoint | undefined {
  const n = from.x.length;
  const z0 = toZ(f, from.x, from.p);
  const t = from.tangent;
  let z = z0.map((v, i) => v + ds * t[i]);
  const out = new Float64Array(n);
  for (let it = 0; it < 12; it++) {
    const { x, p } = fromZ(f, z);
    rates(f, x, p, out);
    if (!out.every(Number.isFinite)) return undefined;
    const { A } = augmentedJacobian(f, x, p);
    const rhs = [...Array.from(out, (v) => -v), -(dot(t, z.map((v, i) => v - z0[i])) - ds)];
    const dz = solve([...A, [...t]], rhs);
    if (!dz) return undefined;
    z = z.map((v, i) => v + dz[i]);
    // A corrector that wanders far from its predictor has jumped to another branch.
    if (norm(z.map((v, i) => v - z0[i] - ds * t[i])) > Math.max(Math.abs(ds), 1e-6)) return undefined;
    if (norm(dz) < 1e-10) {
      const end = fromZ(f, z);
      rates(f, end.x, end.p, out);
      if (Math.max(...Array.from(out, Math.abs)) > ftol) return undefined;
      return pointAt(f, end.x, end.p, t);
    }
  }
  return undefined;
}

export interface TraceOptions {
  /** Stop when p leaves [lo, hi] or x leaves its bounds. */
  readonly lo: number;
  readonly hi: number;
  readonly inBounds: (x: readonly number[]) => boolean;
  readonly ftol: number;
  /** Largest step (scaled arclength); default 0.02. */
  readonly maxStep?: number;
  readonly maxPoints?: number;
}

/** Follows the branch from `start` along its tangent until it leaves the bounds. */
export function trace(f: Family, start: CurvePoint, o: TraceOptions): CurvePoint[] {
  const maxStep = o.maxStep ?? 0.02;
  const points = [start];
  let h = maxStep / 4;
  let current = start;
  while (points.length < (o.maxPoints ?? 3000)) {
    const next = correct(f, current, h, o.ftol);
    if (!next || dot(next.tangent, current.tangent) < 0.5) {
      h /= 2;
      if (h < 1e-7) break;
      continue;
    }
    points.push(next);
    if (next.p < o.lo || next.p > o.hi || !o.inBounds(next.x)) break;
    // Back at the start: a closed curve (an isola) has been traced once.
    if (points.length > 3 && norm(toZ(f, next.x, next.p).map((v, i) => v - toZ(f, start.x, start.p)[i])) < h / 2) break;
    current = next;
    h = Math.min(maxStep, h * 1.5);
  }
  return points;
}

/** Scaled arclength from a to b along a's tangent. */
export function arclength(f: Family, a: CurvePoint, b: CurvePoint): number {
  const za = toZ(f, a.x, a.p), zb = toZ(f, b.x, b.p);
  return dot(a.tangent, zb.map((v, i) => v - za[i]));
}
