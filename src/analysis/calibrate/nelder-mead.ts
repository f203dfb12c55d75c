/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, Computer Journal 7:308-313), with the
 * dimension-adaptive coefficients of Gao & Han 2012 (Comput. Optim. Appl. 51:259-277):
 * reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n, which keep the
 * method from stalling above a few dimensions (for n = 2 they are the classic 1, 2, 0.5, 0.5).
 * Deterministic: no randomness, ties broken by vertex order. Non-finite values count as worse
 * than any finite one, so a failing run pushes the simplex away.
 *
 * Stops when the simplex is small (every vertex within xatol of the best, per coordinate) and
 * flat (every value within fatol + frtol·|best| of the best), or after maxEvaluations.
 */
export interface NelderMeadOptions {
  /** Initial simplex: x0 plus step_i along each axis (default 0.1 per coordinate). */
  readonly step?: number | readonly number[];
  readonly maxEvaluations?: number;
  readonly xatol?: number;
  readonly fatol?: number;
  readonly frtol?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], o: NelderMeadOptions = {}): Minimum {
  const n = x0.length;
  const maxEvaluations = o.maxEvaluations ?? 200 * Math.max(1, n);
  const xatol = o.xatol ?? 1e-6;
  const fatol = o.fatol ?? 1e-12;
  const frtol = o.frtol ?? 1e-10;
  let evaluations = 0;
  const value = (x: number[]) => { evaluations++; const v = f(x); return Number.isNaN(v) ? Infinity : v; };
  if (n === 0) return { x: [], value: value([]), evaluations, iterations: 0, converged: true };
  const [alpha, gamma, rho, sigma] = n < 2 ? [1, 2, 0.5, 0.5] : [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const steps = Array.isArray(o.step) ? o.step : new Array<number>(n).fill(typeof o.step === 'number' ? o.step : 0.1);
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) { const v = x0.slice(); v[i] += steps[i] || 0.1; simplex.push(v); }
  let fs = simplex.map(value);
  let iterations = 0;
  let converged = false;
  while (evaluations < maxEvaluations) {
    const order = fs.map((_, i) => i).sort((a, b) => compare(fs[a], fs[b]) || a - b);
    simplex = order.map((i) => simplex[i]);
    fs = order.map((i) => fs[i]);
    if (small(simplex, xatol) && flat(fs, fatol, frtol)) { converged = true; break; }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i] += simplex[v][i] / n;
    const worst = simplex[n];
    const along = (t: number) => centroid.map((c, i) => c + t * (c - worst[i]));
    const xr = along(alpha);
    const fr = value(xr);
    if (compare(fr, fs[0]) < 0) {
      const xe = along(alpha * gamma);
      const fe = value(xe);
      if (compare(fe, fr) < 0) replaceWorst(simplex, fs, xe, fe); else replaceWorst(simplex, fs, xr, fr);
      continue;
    }
    if (compare(fr, fs[n - 1]) < 0) { replaceWorst(simplex, fs, xr, fr); continue; }
    const outside = compare(fr, fs[n]) < 0;
    const xc = along(outside ? alpha * rho : -rho);
    const fc = value(xc);
    if (compare(fc, outside ? fr : fs[n]) < 0) { replaceWorst(simplex, fs, xc, fc); continue; }
    for (let v = 1; v <= n; v++) {
      simplex[v] = simplex[v].map((x, i) => simplex[0][i] + sigma * (x - simplex[0][i]));
      fs[v] = value(simplex[v]);
    }
  }
  let best = 0;
  for (let v = 1; v < fs.length; v++) if (compare(fs[v], fs[best]) < 0) best = v;
  return { x: simplex[best], value: fs[best], evaluations, iterations, converged };
}

/** Orders values with non-finite ones last. */
function compare(a: number, b: number): number {
  const fa = Number.isFinite(a) ? a : Infinity;
  const fb = Number.isFinite(b) ? b : Infinity;
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function replaceWorst(simplex: number[][], fs: number[], x: number[], fx: number): void {
  simplex[simplex.length - 1] = x;
  fs[fs.length - 1] = fx;
}

function small(simplex: number[][], xatol: number): boolean {
  return simplex.every((v) => v.every((x, i) => Math.abs(x - simplex[0][i]) <= xatol));
}

function flat(fs: number[], fatol: number, frtol: number): boolean {
  if (!Number.isFinite(fs[0])) return false;
  return fs.every((f) => Math.abs(f - fs[0]) <= fatol + frtol * Math.abs(fs[0]));
}
