/**
 * What the live explorer needs, as JSON embedded in the page: the compiled program of the
 * baseline and of every intervention (compile/portable.ts: generated code, never equation
 * text), sliders for the uncertain constants with the model's ranges, and the charts.
 */
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { simSpecWith } from '../../sim/simulate.js';
import { buildModel } from '../../compile/index.js';
import { toPortable, type PortableModel } from '../../compile/portable.js';
import { hasErrors, ModelError } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { Variant } from '../../analysis/compare.js';
import { clockOf, type Clock } from '../../model/clock.js';
import { BASELINE_COLOR, interventionColor, levelDash } from '../palette.js';

export interface ExplorerVariant {
  readonly id: string;
  readonly title: string;
  readonly level?: number;
  readonly color: string;
  readonly dash: string;
  readonly program: PortableModel;
  /** Constants the intervention sets itself: the sliders leave them alone. */
  readonly fixed: readonly string[];
}

export interface ExplorerData {
  readonly model: string;
  readonly timeUnit?: string;
  readonly clock?: Clock;
  readonly sliders: readonly { readonly name: string; readonly min: number; readonly max: number; readonly value: number; readonly units?: string; readonly source?: string }[];
  readonly charts: readonly { readonly title: string; readonly variables: readonly string[]; readonly units?: string }[];
  readonly baseline: ExplorerVariant;
  readonly variants: readonly ExplorerVariant[];
}

function compiled(model: Model, simulate: SimulateOptions | undefined): PortableModel {
  const built = buildModel(model, simSpecWith(model.sim, simulate ?? {}));
  if (!built.compiled || hasErrors(built.diagnostics)) throw new ModelError(built.diagnostics);
  return toPortable(built.compiled);
}

export function explorerData(model: Model, variants: readonly Variant[], charts: ExplorerData['charts'], simulate?: SimulateOptions): ExplorerData {
  const sliders = model.variables.flatMap((v) => (v.kind === 'constant' && v.uncertainty
    ? [{ name: v.name, min: v.uncertainty.min, max: v.uncertainty.max, value: v.value, units: v.units, source: v.uncertainty.source }] : []));
  const variant = (id: string, title: string, m: Model, k: number, level?: number, fixed: string[] = []): ExplorerVariant => ({
    id, title, level, color: k < 0 ? BASELINE_COLOR : interventionColor(k), dash: k < 0 ? 'solid' : levelDash(level), program: compiled(m, simulate), fixed,
  });
  return {
    model: model.name, timeUnit: model.sim.timeUnit, clock: clockOf(model.sim), sliders, charts,
    baseline: variant('baseline', 'baseline', model, -1),
    variants: variants.map((v, k) => variant(v.scenario.id, v.scenario.title, v.model, k, v.scenario.leverage?.level,
      v.scenario.changes.flatMap((c) => (c.kind === 'set' ? [canonicalName(c.variable)] : [])))),
  };
}
