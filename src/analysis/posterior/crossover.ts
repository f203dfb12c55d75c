/**
 * Adaptive crossover of DREAM (Vrugt et al. 2009 §2.2; Vrugt 2016 §3.3, Eq. 24): each proposal
 * picks a crossover value CR_m with probability p_m; during burn-in p_m is set in proportion to
 * the mean normalised squared jump distance Δ_m / L_m that proposals with CR_m achieved (Δ sums
 * Σ_j ((y_j − x_j)/sd_j)² over accepted proposals, sd_j the spread of coordinate j across the
 * chains; L counts proposals), floored at a tenth of the uniform share so no value dies out.
 * After burn-in the probabilities stay fixed.
 */
import type { Rng } from '../../core/random.js';

export class CrossoverAdapter {
  readonly probabilities: number[];
  private readonly distance: number[];
  private readonly tries: number[];

  constructor(private readonly values: readonly number[]) {
    this.probabilities = values.map(() => 1 / values.length);
    this.distance = values.map(() => 0);
    this.tries = values.map(() => 0);
  }

  /** Index of the crossover value for one proposal. */
  pick(rng: Rng): number {
    let u = rng();
    for (let m = 0; m < this.probabilities.length - 1; m++) if ((u -= this.probabilities[m]) < 0) return m;
    return this.probabilities.length - 1;
  }

  value(m: number): number {
    return this.values[m];
  }

  /** Records one proposal made with value m from x to y (accepted or not); sd: the chains' spread per coordinate. */
  record(m: number, x: readonly number[], y: readonly number[], accepted: boolean, sd: readonly number[]): void {
    this.tries[m]++;
    if (accepted) this.distance[m] += y.reduce((s, v, j) => s + (sd[j] > 0 ? ((v - x[j]) / sd[j]) ** 2 : 0), 0);
  }

  /** Sets the probabilities from the distances recorded so far. */
  update(): void {
    const k = this.values.length;
    const rate = this.distance.map((v, m) => (this.tries[m] ? v / this.tries[m] : 0));
    const total = rate.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return;
    const floored = rate.map((r) => Math.max(r / total, 0.1 / k));
    const z = floored.reduce((a, b) => a + b, 0);
    floored.forEach((v, m) => { this.probabilities[m] = v / z; });
  }
}

/** Sample standard deviation of each coordinate across the points. */
export function coordinateSpread(x: readonly (readonly number[])[]): number[] {
  return x[0].map((_, j) => {
    const m = x.reduce((s, p) => s + p[j], 0) / x.length;
    return Math.sqrt(x.reduce((s, p) => s + (p[j] - m) ** 2, 0) / Math.max(1, x.length - 1));
  });
}
