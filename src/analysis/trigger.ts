/**
 * Is an intervention a fair experiment on the event? A model may declare a `trigger` (the
 * time the event under study starts, e.g. the deployment that set off an outage). A scenario
 * that changes the run before then acts on the system as it was, not on the event: an alarm
 * already on at time 0 that blocks a deployment measures "never deploy", not "alarm".
 *
 * A remediation may well start from a different state (larger servers: half as many of
 * them); what it must not do is set anything in motion before the event. So the check
 * compares how far each of the baseline's stocks has moved since the start, x(t) − x(0), in
 * the scenario's run and the baseline's at every save time before the trigger, and names the
 * first stock that moves differently.
 */
import { warning, type Diagnostic } from '../core/diagnostics.js';
import type { Model, Scenario } from '../model/types.js';
import type { SimulationResult } from '../sim/result.js';
import { trySimulate, type SimulateOptions } from '../sim/simulate.js';
import { tryApplyScenario } from '../scenarios/apply.js';
import { fmt, formatTime, timeAxisOf } from './metric-format.js';

/** Relative difference below which two values are the same run (rounding noise). */
const SAME = 1e-9;

/** A warning when `variant` differs from `baseline` before the model's trigger; undefined when it does not. */
export function triggerCheck(model: Model, scenario: Scenario, baseline: SimulationResult, variant: SimulationResult): Diagnostic | undefined {
  const start = model.trigger?.start;
  if (start === undefined) return undefined;
  let first: { name: string; t: number; a: number; b: number } | undefined;
  for (const stock of model.variables) {
    if (stock.kind !== 'stock' || !baseline.has(stock.name) || !variant.has(stock.name)) continue;
    const x = baseline.series(stock.name);
    const y = variant.series(stock.name);
    for (let i = 1; i < baseline.time.length && baseline.time[i] < start && (!first || baseline.time[i] < first.t); i++) {
      const a = x[i] - x[0];
      const b = y[i] - y[0];
      if (Math.abs(a - b) > SAME * Math.max(1, Math.abs(x[0]), Math.abs(y[0])) || Number.isNaN(a) !== Number.isNaN(b)) {
        first = { name: stock.name, t: baseline.time[i], a, b };
        break;
      }
    }
  }
  if (!first) return undefined;
  const axis = timeAxisOf(model.sim);
  return warning('intervention-before-trigger',
    `scenario '${scenario.id}' sets the run in motion before the trigger at ${formatTime(start, axis)}: stock '${first.name}' has moved by ${fmt(first.b)} since the start at ${formatTime(first.t, axis)}, against ${fmt(first.a)} in the baseline`,
    { file: model.file, field: `scenarios.${scenario.id}`, hint: 'an intervention tested against the event should change nothing until the event starts: make it respond to what the event changes (growth since the start, not the level it starts at), or mark it kind: counterfactual' });
}

/** Runs the baseline and every scenario and checks each against the trigger (no trigger: nothing). */
export function triggerWarnings(model: Model, options: SimulateOptions = {}): Diagnostic[] {
  if (model.trigger === undefined || !model.scenarios?.length) return [];
  const base = trySimulate(model, options).result;
  if (!base) return [];
  const out: Diagnostic[] = [];
  for (const s of model.scenarios) {
    const applied = tryApplyScenario(model, s);
    const run = applied.model && trySimulate(applied.model, options).result;
    const early = run && triggerCheck(model, s, base, run);
    if (early) out.push(early);
  }
  return out;
}
