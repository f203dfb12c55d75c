/**
 * The run that loop scores are computed from: the model simulated with every dt saved,
 * its values stored by slot (the layout of the compiled model) so that equations can be
 * re-evaluated over any mix of current and previous values.
 *
 * The run goes on EXTRA steps past the stop time (equations still see the real stop
 * time), because the scores reported at the stop time need the step after it: the stock
 * change that the flows of the last interval cause, and under interval-start labels the
 * interval that starts at the stop time (Stella reports that one too). If the extra steps
 * fail (a value becomes non-finite after the stop time), the run ends at the stop time.
 */
import { error, hasErrors, locate, type Diagnostic } from '../../core/diagnostics.js';
import type { Program } from '../../builtins/program.js';
import { buildModel } from '../../compile/index.js';
import type { Layout } from '../../compile/layout.js';
import type { Model, SimSpec } from '../../model/types.js';
import { runCompiled } from '../../sim/run.js';
import { checkSimSpec, simSpecWith, withOverrides, type SimulateOptions } from '../../sim/simulate.js';

export interface History {
  readonly program: Program;
  readonly layout: Layout;
  /** The sim spec run, with saveper = dt. */
  readonly sim: SimSpec;
  /** Time of every step, including the EXTRA steps past the stop time. */
  readonly time: Float64Array;
  /** Index of the step at the stop time (the last reported step). */
  readonly last: number;
  /** Values of step k, slot s at [k * layout.nSlots + s]. */
  readonly values: Float64Array;
  /** Steps between two saved times of the requested sim spec. */
  readonly saveEvery: number;
}

/** Steps run past the stop time. */
export const EXTRA = 2;

/** Default cap on stored values (8 bytes each): 40 million, 320 MB. */
export const MAX_VALUES = 40_000_000;

export function recordHistory(model: Model, options: SimulateOptions = {}, maxValues = MAX_VALUES): { history?: History; diagnostics: Diagnostic[] } {
  const requested = simSpecWith(model.sim, options);
  const problems = checkSimSpec(requested, model.file);
  // A warning (saveper not a multiple of dt) is passed on, not taken for a failure.
  if (hasErrors(problems)) return { diagnostics: problems };
  if (requested.varying) {
    const fields = Object.entries(requested.varying).filter(([, e]) => e !== undefined).map(([f]) => f);
    return { diagnostics: [error('ltm-varying-clock', `loop scores need one dt for the whole run, but this model's ${fields.join(', ')} change during the run (sim.varying)`, {
      file: model.file, field: 'sim.varying', hint: `fix them for the analysis with ${fields.map((f) => `--${f} N`).join(' ')}`,
    })] };
  }
  const sim: SimSpec = { ...requested, saveper: requested.dt };
  const set = withOverrides(model, options.overrides ?? {});
  if (set.diagnostics.length) return { diagnostics: set.diagnostics };
  const built = buildModel(set.model, sim);
  if (!built.compiled || !built.program || hasErrors(built.diagnostics)) return { diagnostics: built.diagnostics };
  const { layout } = built.compiled;
  const steps = Math.floor((sim.stop - sim.start) / sim.dt + 1e-9) + 1;
  if ((steps + EXTRA) * layout.nSlots > maxValues) {
    return { diagnostics: [error('ltm-too-large', `loop scores need every dt of ${steps} steps × ${layout.nSlots} values stored, over the limit of ${maxValues}`, {
      file: model.file, hint: 'use a larger dt or a shorter run (--dt, --stop)',
    })] };
  }
  const extended = { ...built.compiled, sim: { ...sim, stop: sim.stop + EXTRA * sim.dt } };
  let run = runCompiled(extended, { allowNonFinite: options.allowNonFinite });
  if (!run.result) run = runCompiled(built.compiled, { allowNonFinite: options.allowNonFinite });
  if (!run.result) return { diagnostics: locate([...built.diagnostics, ...run.diagnostics], { file: model.file }) };
  const { time, values: byColumn, columns } = run.result;
  const width = layout.nSlots;
  const values = new Float64Array(time.length * width);
  for (let k = 0; k < time.length; k++) {
    for (let c = 0; c < columns.length; c++) values[k * width + columns[c].slot] = byColumn[k * columns.length + c];
  }
  const saveEvery = Math.max(1, Math.round(requested.saveper / requested.dt));
  const last = Math.min(steps - 1, time.length - 1);
  return { history: { program: built.program, layout, sim, time, last, values, saveEvery }, diagnostics: [...problems, ...built.diagnostics] };
}

/** The values of step k (a view, not a copy). */
export function row(h: History, k: number): Float64Array {
  const w = h.layout.nSlots;
  return h.values.subarray(k * w, (k + 1) * w);
}

/** Step indices of the requested save times. */
export function savedSteps(h: History): number[] {
  const out: number[] = [];
  for (let k = 0; k <= h.last; k += h.saveEvery) out.push(k);
  return out;
}
