/**
 * The stockflow vendor extension to XMILE (XMILE 1.0 §2.3 lets vendors add elements in
 * their own namespace; other tools ignore them). Namespace `https://stockflow.dev/xmile`,
 * prefix `stockflow`:
 * - on a variable: `<stockflow:uncertainty min max distribution [mode] [source]/>` and
 *   `<stockflow:leverage level reason/>`; `<stockflow:part_of>` (Variable.partOf, read in vars.ts);
 * - under `<xmile>`: `<stockflow:model>` holding `<stockflow:doc>` (the model's
 *   documentation) and `<stockflow:scenarios>` / `<stockflow:metrics>` whose text is the
 *   JSON of the model's scenarios and metrics (src/model/types.ts).
 */
import { error, type Diagnostic } from '../../core/diagnostics.js';
import type { Leverage, Metric, Scenario, Uncertainty } from '../../model/types.js';
import { attr, locOf, plainText, textOf, type XmlDoc, type XNode } from './xml.js';

export const STOCKFLOW_NS = 'https://stockflow.dev/xmile';
export const PREFIX = 'stockflow';

export interface VarExtension {
  readonly uncertainty?: Uncertainty;
  readonly leverage?: Leverage;
}

export interface ModelExtension {
  readonly doc?: string;
  readonly scenarios?: readonly Scenario[];
  readonly metrics?: readonly Metric[];
}

const DISTRIBUTIONS = new Set(['uniform', 'loguniform', 'triangular']);

/** The child `<stockflow:local>` of a node. */
export function ours(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.prefix === PREFIX && c.local === local);
}

export function readExtension(doc: XmlDoc, node: XNode, diags: Diagnostic[], variable: string): VarExtension {
  const out: { uncertainty?: Uncertainty; leverage?: Leverage } = {};
  const u = ours(node, 'uncertainty');
  if (u) {
    const min = Number(attr(u, 'min'));
    const max = Number(attr(u, 'max'));
    const distribution = (attr(u, 'distribution') ?? 'uniform').trim();
    const mode = attr(u, 'mode');
    const source = attr(u, 'source');
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max || !DISTRIBUTIONS.has(distribution)) {
      diags.push(error('invalid-extension', 'stockflow:uncertainty needs numeric min ≤ max and a distribution (uniform, loguniform, triangular)', { ...locOf(doc, u), variable }));
    } else {
      out.uncertainty = {
        min, max, distribution: distribution as Uncertainty['distribution'],
        ...(mode !== undefined && Number.isFinite(Number(mode)) ? { mode: Number(mode) } : {}),
        ...(source ? { source } : {}),
      };
    }
  }
  const l = ours(node, 'leverage');
  if (l) {
    const level = Number(attr(l, 'level'));
    if (!Number.isInteger(level) || level < 1 || level > 12) {
      diags.push(error('invalid-extension', 'stockflow:leverage needs an integer level from 1 to 12', { ...locOf(doc, l), variable }));
    } else {
      out.leverage = { level, reason: attr(l, 'reason') ?? '' };
    }
  }
  return out;
}

export function readModelExtension(doc: XmlDoc, diags: Diagnostic[]): ModelExtension {
  const block = ours(doc.root, 'model');
  if (!block) return {};
  const json = <T>(local: string): T[] | undefined => {
    const n = ours(block, local);
    if (!n) return undefined;
    try {
      const v = JSON.parse(plainText(doc, n)) as unknown;
      if (Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object')) return v as T[];
    } catch { /* reported below */ }
    diags.push(error('invalid-extension', `stockflow:${local} must hold a JSON array of objects`, locOf(doc, n)));
    return undefined;
  };
  const docNode = ours(block, 'doc');
  return {
    ...(docNode ? { doc: textOf(doc, docNode).text } : {}),
    ...(ours(block, 'scenarios') ? { scenarios: json<Scenario>('scenarios') } : {}),
    ...(ours(block, 'metrics') ? { metrics: json<Metric>('metrics') } : {}),
  };
}
