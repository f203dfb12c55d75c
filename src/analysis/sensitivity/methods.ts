/**
 * The sensitivity methods, registered by name: each turns factors and options into the rows
 * to evaluate and an `analyze` that turns their outputs into indices. Adding a method means
 * adding an entry here and nothing else.
 */
import { toValueRows, type Factor } from './factors.js';
import { morrisDesign, morrisIndices, type MorrisIndex } from './morris.js';
import { oatDesign, oatIndices, type OatIndex } from './oat.js';
import { saltelliDesign, sobolIndices, type SobolIndex } from './saltelli.js';
import type { BootstrapOptions } from './bootstrap.js';
import { givenDataIndices, type GivenDataIndex } from './given-data.js';

export type SensitivityIndex = SobolIndex | MorrisIndex | OatIndex | GivenDataIndex;

export interface ResolvedOptions {
  /** sobol: base sample size n; morris: trajectories r; oat: levels per factor. */
  readonly samples: number;
  readonly seed: number;
  /** Morris grid levels p. */
  readonly levels: number;
  readonly bootstrap: BootstrapOptions;
  /** OAT: values of the factors that are not moving. */
  readonly nominal?: readonly number[];
  /** given-data: the ensemble's members, one value per factor each. */
  readonly members?: readonly (readonly number[])[];
}

export interface Plan {
  /** Factor values to evaluate, in order. */
  readonly rows: number[][];
  readonly analyze: (y: ArrayLike<number>) => { indices: SensitivityIndex[]; nominal?: number };
}

export interface SensitivityMethod {
  readonly describe: string;
  readonly defaultSamples: number;
  /** Runs for n samples and k factors. */
  readonly runs: (samples: number, k: number) => number;
  /** The ranking key of an index (larger = more influential). */
  readonly rankBy: (index: SensitivityIndex) => number;
  readonly plan: (factors: readonly Factor[], o: ResolvedOptions) => Plan;
}

export const methods: Readonly<Record<string, SensitivityMethod>> = {
  oat: {
    describe: 'one-at-a-time sweeps from the nominal point',
    defaultSamples: 5,
    runs: (n, k) => 1 + n * k,
    rankBy: (x) => (x as OatIndex).swing,
    plan: (factors, o) => {
      const d = oatDesign(factors, o.samples, o.nominal);
      return { rows: d.rows, analyze: (y) => oatIndices(d, y) };
    },
  },
  morris: {
    describe: 'Morris elementary effects (mu, mu*, sigma)',
    defaultSamples: 10,
    runs: (n, k) => n * (k + 1),
    rankBy: (x) => (x as MorrisIndex).mu_star,
    plan: (factors, o) => {
      const d = morrisDesign(factors.length, o.samples, o.seed, o.levels);
      return { rows: toValueRows(d.unit, factors), analyze: (y) => ({ indices: morrisIndices(d, y, o.bootstrap) }) };
    },
  },
  sobol: {
    describe: "Sobol' first-order and total indices (Saltelli sampling)",
    defaultSamples: 512,
    runs: (n, k) => n * (k + 2),
    rankBy: (x) => (x as SobolIndex).ST,
    plan: (factors, o) => {
      const d = saltelliDesign(o.samples, factors.length, o.seed);
      return { rows: toValueRows(d.unit, factors), analyze: (y) => ({ indices: sobolIndices(d, y, o.bootstrap) }) };
    },
  },
};

/** Registered apart: it reads an ensemble's members instead of making a design. */
export const givenData: SensitivityMethod = {
  describe: 'first-order shares from given data (an ensemble, e.g. a posterior)',
  defaultSamples: 0,
  runs: (n) => n,
  rankBy: (x) => (x as GivenDataIndex).eta2,
  plan: (factors, o) => {
    if (!o.members?.length) throw new RangeError('the given-data method needs the members of an ensemble (--ensemble FILE)');
    const rows = o.members.map((r) => [...r]);
    return { rows, analyze: (y) => ({ indices: givenDataIndices(rows, y, o.samples, o.bootstrap) }) };
  },
};

export function methodNames(): string[] {
  return Object.keys(methods);
}
