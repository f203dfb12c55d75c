/**
 * A differential-evolution MCMC sampler of the DREAM(ZS) family: ter Braak & Vrugt (2008),
 * "Differential Evolution Markov Chain with snooker updater and fewer chains", Statistics and
 * Computing 18:435-446, with the randomised subspace (crossover) and mode-jumping steps of
 * DREAM (Vrugt et al. 2009, Int. J. Nonlinear Sci. Numer. Simul. 10:273-290; Vrugt 2016,
 * Environ. Model. Softw. 75:273-316). No snooker step.
 *
 * The sampler works on the unit cube [0, 1]^d (the caller maps its parameters there) and knows
 * nothing of models: it asks `evaluate` for the log-likelihood of a batch of points, one batch
 * per generation, so the caller can spread a generation's runs over threads or machines.
 *
 * Each generation, every chain i proposes
 *     y = x_i + (1 + λ)·γ·(z_a − z_b) + ε   on a random subset of the coordinates,
 * with z_a ≠ z_b drawn from the recent half of the archive Z of past states (initially a Latin
 * hypercube of 10·d points; see RECENT below), λ ~ U(−0.1, 0.1), ε ~ N(0, 10⁻⁶), the subset
 * chosen with crossover probability CR ∈ {1/3, 2/3, 1} (at least one coordinate), γ =
 * 2.38/√(2d′) for d′ moved coordinates, and γ = 1 in one generation out of five so chains can
 * jump between modes. Proposals outside the cube are folded back in (reflection modulo 2),
 * which keeps the proposal symmetric, and are accepted with the Metropolis rule. Every
 * ARCHIVE_EVERY generations the chains' states join Z.
 *
 * Crossover adaptation (Vrugt et al. 2009 §2.2; Vrugt 2016 §3.3, Eq. 24): during burn-in the
 * probability of each CR value is set in proportion to the mean normalised squared jump
 * distance Σ_j ((y_j − x_j)/sd_j)² its accepted proposals achieved (sd_j: the spread of
 * coordinate j across the chains), floored at a tenth of the uniform share; after burn-in the
 * probabilities are frozen, so the chains are a fixed Metropolis kernel's.
 *
 * RECENT: the jump vectors come from the most recent half of Z (at least 10·d points). The
 * oldest points — the prior's Latin hypercube and the states of early burn-in — are spread
 * over the prior, so their differences are scaled to the prior rather than to the posterior:
 * in every direction the data pin down, a proposal built from them overshoots and is rejected.
 * On the Kinesis calibration (40 constants, a dozen tightly constrained) drawing from the
 * whole archive gave 12% acceptance and split R̂ up to 1.3 after 4 × 4,000 generations;
 * drawing from its recent half, 20% and 1.16. The window still grows with the chains' history,
 * so Z still converges to the posterior as ter Braak & Vrugt (2008) require.
 *
 * Outlier chains (Vrugt et al. 2009, §2.3): during burn-in, a chain whose mean log density over
 * the last half of its history lies below Q1 − 2·IQR of all chains' means is moved to the best
 * chain's state. Seeded: the same seed and the same log densities give the same chains.
 */
import { createRng, deriveSeed, type Rng } from '../../core/random.js';
import { standardNormal } from '../../builtins/samplers.js';
import { latinHypercube } from '../lhs.js';
import { q } from '../ensemble.js';
import { coordinateSpread, CrossoverAdapter } from './crossover.js';

/** Generations between additions to the archive (ter Braak & Vrugt 2008 use K = 10). */
export const ARCHIVE_EVERY = 10;
/** Share of generations with γ = 1 (Vrugt 2016, p_γ = 0.2). */
export const JUMP_RATE = 0.2;
/** Crossover values (Vrugt 2016: n_CR = 3); their probabilities adapt during burn-in. */
export const CROSSOVER = [1 / 3, 2 / 3, 1] as const;

export interface DreamOptions {
  readonly dims: number;
  /** Parallel chains (≥ 3; 4 or more for the outlier test and R̂). */
  readonly chains: number;
  /** Generations after the starting points (each costs `chains` evaluations). */
  readonly generations: number;
  /** Generations treated as burn-in (outlier chains are reset only then). */
  readonly burnIn: number;
  readonly seed: number;
  /** Log prior density on the unit cube (−Infinity outside its support). */
  readonly logPrior: (y: readonly number[]) => number;
  /** Log-likelihood of each point of a batch (−Infinity for a failed run). */
  readonly evaluate: (rows: readonly (readonly number[])[]) => Promise<ArrayLike<number>>;
  readonly onGeneration?: (done: number, total: number) => void;
}

export interface DreamChains {
  /** states[c][g]: chain c's point after generation g (g = 0 is the start). */
  readonly states: number[][][];
  /** Log posterior density (up to a constant) of each state. */
  readonly logDensity: number[][];
  readonly proposed: number;
  readonly accepted: number;
  /** Times a chain was moved to the best chain during burn-in. */
  readonly outlierResets: number;
  /** Probability of each CROSSOVER value after burn-in (adapted). */
  readonly crossoverProbabilities: number[];
  readonly evaluations: number;
}

export async function sampleDream(o: DreamOptions): Promise<DreamChains> {
  const { dims: d, chains: n } = o;
  if (n < 3) throw new RangeError('DREAM(ZS) needs at least 3 chains');
  const rng = createRng(deriveSeed(o.seed, 0xd2ea));
  const archive = latinHypercube(Math.max(10 * d, 2 * n), d, deriveSeed(o.seed, 1));
  let x = latinHypercube(n, d, deriveSeed(o.seed, 2));
  let lp = await logPosterior(o, x);
  const states = x.map((p) => [p]);
  const logDensity = lp.map((v) => [v]);
  let accepted = 0;
  let outlierResets = 0;
  const since = new Array<number>(n).fill(0); // history index from which a chain is judged
  const crossover = new CrossoverAdapter(CROSSOVER);
  for (let g = 1; g <= o.generations; g++) {
    const jump = rng() < JUMP_RATE;
    const picks = x.map(() => crossover.pick(rng));
    const proposals = x.map((xi, i) => propose(xi, archive, jump, crossover.value(picks[i]), rng));
    const lpy = await logPosterior(o, proposals);
    const adapting = g <= o.burnIn && !jump; // mode jumps say nothing about the crossover
    const sd = adapting ? coordinateSpread(x) : [];
    const next = x.map((xi, i) => {
      const ratio = lpy[i] - lp[i];
      const accept = Number.isFinite(lpy[i]) && (lp[i] === -Infinity || Math.log(rng()) < ratio);
      if (adapting) crossover.record(picks[i], xi, proposals[i], accept, sd);
      if (!accept) return xi;
      accepted++;
      lp[i] = lpy[i];
      return proposals[i];
    });
    x = next;
    x.forEach((xi, i) => { states[i].push(xi); logDensity[i].push(lp[i]); });
    if (g % ARCHIVE_EVERY === 0) {
      archive.push(...x.map((p) => [...p]));
      if (g <= o.burnIn) {
        outlierResets += resetOutliers(x, lp, logDensity, since);
        crossover.update();
      }
    }
    o.onGeneration?.(g, o.generations);
  }
  return {
    states, logDensity, proposed: n * o.generations, accepted, outlierResets, evaluations: n * (o.generations + 1),
    crossoverProbabilities: [...crossover.probabilities],
  };
}

async function logPosterior(o: DreamOptions, rows: number[][]): Promise<number[]> {
  const prior = rows.map(o.logPrior);
  const inside = rows.filter((_, i) => prior[i] > -Infinity);
  const like = inside.length ? await o.evaluate(inside) : [];
  let k = 0;
  return prior.map((p) => {
    if (p === -Infinity) return -Infinity;
    const l = like[k++];
    return Number.isNaN(l) ? -Infinity : p + l;
  });
}

function propose(x: readonly number[], archive: readonly number[][], jump: boolean, cr: number, rng: Rng): number[] {
  const d = x.length;
  const moved: number[] = [];
  for (let j = 0; j < d; j++) if (rng() < cr) moved.push(j);
  if (!moved.length) moved.push(Math.floor(rng() * d));
  const gamma = jump ? 1 : 2.38 / Math.sqrt(2 * moved.length);
  const recent = Math.min(archive.length, Math.max(10 * d, Math.ceil(archive.length / 2)));
  const from = archive.length - recent; // RECENT (header): the newest half, at least 10·d points
  const a = from + Math.floor(rng() * recent);
  let b = from + Math.floor(rng() * (recent - 1));
  if (b >= a) b++;
  const lambda = 0.2 * rng() - 0.1;
  const y = [...x];
  for (const j of moved) y[j] = fold(x[j] + (1 + lambda) * gamma * (archive[a][j] - archive[b][j]) + 1e-6 * standardNormal(rng));
  return y;
}

/** Reflection into [0, 1] modulo 2 (a symmetric map, so the Metropolis rule stays valid). */
export function fold(v: number): number {
  if (v >= 0 && v <= 1) return v;
  const m = ((v % 2) + 2) % 2;
  return m <= 1 ? m : 2 - m;
}

/** The IQR test on each chain's mean log density over the last half of its history. */
function resetOutliers(x: number[][], lp: number[], history: readonly number[][], since: number[]): number {
  const omega = history.map((h, i) => {
    const tail = h.slice(Math.max(since[i], Math.floor(h.length / 2)));
    return tail.reduce((s, v) => s + v, 0) / tail.length;
  });
  if (x.length < 4 || omega.some((v) => !Number.isFinite(v))) return 0;
  const sorted = [...omega].sort((a, b) => a - b);
  const q1 = q(sorted, 0.25);
  const limit = q1 - 2 * (q(sorted, 0.75) - q1);
  let best = 0;
  omega.forEach((v, i) => { if (v > omega[best]) best = i; });
  let resets = 0;
  omega.forEach((v, i) => {
    if (v >= limit || i === best) return;
    x[i] = [...x[best]];
    lp[i] = lp[best];
    since[i] = history[i].length; // judge the moved chain by its new states only
    resets++;
  });
  return resets;
}
