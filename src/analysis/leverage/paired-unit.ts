/**
 * One unit of paired-ensemble work: a model (the baseline, or a scenario applied to it) run
 * over every draw of the shared design with the ensemble engine (analysis/draws.ts), read as
 * the chosen metrics. Plain data in and out, so a worker thread can run it too.
 */
import { ModelError } from '../../core/diagnostics.js';
import type { Metric, Model, Scenario } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { runDraws, type Draws } from '../draws.js';
import { computeMetrics } from '../metrics.js';

export interface PairedUnit {
  readonly model: Model;
  /** The scenario the model comes from (its `set` constants keep their values); none for the baseline. */
  readonly scenario?: Scenario;
}

/** What every unit shares: the draws, the metrics and the simulation options. */
export interface PairedJob {
  readonly draws: Draws;
  readonly metrics: readonly Metric[];
  readonly simulate?: SimulateOptions;
}

/** One metrics record per draw. Throws ModelError (naming the scenario) when a run fails. */
export function runUnit(unit: PairedUnit, job: PairedJob): Record<string, number>[] {
  try {
    return runDraws(unit.model, unit.scenario, job.draws, job.simulate, (r) => computeMetrics(job.metrics, r));
  } catch (e) {
    if (e instanceof ModelError && unit.scenario) {
      throw new ModelError(e.diagnostics.map((d) => ({ ...d, message: `scenario '${unit.scenario!.id}': ${d.message}` })));
    }
    throw e;
  }
}
