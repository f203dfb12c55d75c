/**
 * The outcome the ranking is measured on: a metric of the model by name, the model's first
 * metric, an ad-hoc `variable:aggregate` (for models without metrics, such as most XMILE and
 * Vensim files), or, with none of these, the final value of the model's first stock (the
 * ranking then says so).
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { Metric, Model } from '../../model/types.js';
import { selectMetrics } from '../compare.js';
import { checkMetrics } from '../metrics.js';

export type MetricChoice =
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'output'; readonly variable: string; readonly aggregate: Metric['aggregate']; readonly threshold?: number; readonly better?: Metric['better'] };

export interface ChosenMetric {
  readonly metric?: Metric;
  readonly note?: string;
  readonly diagnostics: Diagnostic[];
}

export function chooseMetric(model: Model, choice?: MetricChoice): ChosenMetric {
  if (choice?.kind === 'named') {
    const picked = selectMetrics(model, [choice.name]);
    return { metric: picked.metrics[0], diagnostics: picked.diagnostics };
  }
  if (choice?.kind === 'output') {
    const metric: Metric = {
      name: `${choice.variable}:${choice.aggregate}${choice.threshold === undefined ? '' : `@${choice.threshold}`}`,
      variable: choice.variable, aggregate: choice.aggregate, threshold: choice.threshold, better: choice.better ?? 'lower',
      units: model.variables.find((v) => v.id === canonicalName(choice.variable))?.units,
    };
    return { metric, diagnostics: checkMetrics(model, [metric]) };
  }
  const first = model.metrics?.[0];
  if (first) return { metric: first, diagnostics: checkMetrics(model, [first]) };
  const stock = model.variables.find((v) => v.kind === 'stock');
  if (!stock) {
    return { diagnostics: [error('no-metrics', 'the model defines no metrics and has no stock to measure', { file: model.file, hint: 'add a metrics: section or choose an outcome with --metric VAR[:aggregate]' })] };
  }
  const metric: Metric = { name: `${stock.name}:final`, variable: stock.name, aggregate: 'final', better: 'lower', units: stock.units };
  return {
    metric,
    note: `the model defines no metrics: ranking by the final value of '${stock.name}', lower taken as better (choose the outcome with --metric VAR[:aggregate])`,
    diagnostics: [],
  };
}
