/**
 * The set-up a fit and a posterior share: resolve the constants to vary, then compile the model
 * into a function from their values to the objective (`fit`) or the log-likelihood
 * (`likelihood`) of the reference data. Problems come back in the order they are found:
 * `before`, the constants' own, `after`, then the model's.
 */
import { hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import type { Model } from '../../model/types.js';
import type { SimulateOptions } from '../../sim/simulate.js';
import { prepareModelFunction, type ModelFunction, type ModelFunctionSpec } from '../parallel/model-function.js';
import { resolveFactors, type ParamRange } from '../sensitivity/model.js';
import type { Factor } from '../sensitivity/factors.js';
import type { ReferenceData } from './targets.js';

export interface DataFunctionInput {
  readonly params?: readonly ParamRange[];
  readonly data: ReferenceData;
  readonly simulate?: SimulateOptions;
  /** Problems found before the constants are resolved (settings). */
  readonly before?: readonly Diagnostic[];
  /** Problems of the data, reported after the constants' own. */
  readonly after?: readonly Diagnostic[];
}

export type DataFunction =
  | { readonly fn: ModelFunction; readonly spec: ModelFunctionSpec; readonly factors: Factor[]; readonly diagnostics: Diagnostic[] }
  | { readonly fn?: undefined; readonly diagnostics: Diagnostic[] };

export function prepareDataFunction(model: Model, kind: 'fit' | 'likelihood', i: DataFunctionInput): DataFunction {
  const resolved = resolveFactors(model, i.params);
  const diagnostics = [...(i.before ?? []), ...resolved.diagnostics, ...(i.after ?? [])];
  if (hasErrors(diagnostics)) return { diagnostics };
  const factors = resolved.factors;
  const spec: ModelFunctionSpec = { model, params: factors.map((f) => f.name), output: { kind, targets: i.data.targets, file: i.data.file }, simulate: i.simulate };
  const prepared = prepareModelFunction(spec);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.fn || hasErrors(diagnostics)) return { diagnostics };
  return { fn: prepared.fn, spec, factors, diagnostics };
}
