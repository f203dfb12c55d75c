/**
 * Writes a Model in the native YAML format (docs/model-format.md), so models read from
 * XMILE or Vensim can be edited and versioned as YAML. Reading the result back gives the
 * same model and the same simulation.
 */
import { stringify } from 'yaml';
import type { Change, Model, Variable } from '../model/types.js';

type Doc = Record<string, unknown>;

/** defineProperty: element names are untrusted and may be `__proto__`. */
function put(target: Doc, key: string, value: unknown): void {
  if (value !== undefined) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function section(vars: readonly Variable[], kind: Variable['kind'], body: (v: never) => Doc): Doc | undefined {
  const out: Doc = {};
  for (const v of vars.filter((x) => x.kind === kind)) put(out, v.name, { ...body(v as never), units: v.units, sector: v.sector, part_of: v.partOf, doc: v.doc });
  return Object.keys(out).length ? out : undefined;
}

const numberOrText = (text: string): number | string => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && String(n) === text.trim() ? n : text;
};

const table = (t: { points: readonly (readonly [number, number])[]; interpolation: string }) => ({
  points: t.points.map((p) => [p[0], p[1]]), interpolation: t.interpolation,
});

function change(c: Change): Doc {
  switch (c.kind) {
    case 'set': return { set: { [c.variable]: c.value } };
    case 'equation': return { replace: { variable: c.variable, equation: c.equation } };
    case 'lookup': return { lookup: { variable: c.variable, ...table(c.table) } };
    case 'remove': return { remove: c.variable };
    case 'connect': return { connect: { stock: c.stock, [c.direction === 'in' ? 'inflow' : 'outflow']: c.flow } };
    case 'disconnect': return { disconnect: { stock: c.stock, flow: c.flow } };
    case 'add': {
      const { kind, name, doc, units, sector } = c.element;
      return { add: { kind, name, doc, units, sector, ...elementBody(c.element) } };
    }
  }
}

function elementBody(v: Variable): Doc {
  switch (v.kind) {
    case 'stock': return { initial: numberOrText(v.initial), inflows: v.inflows.length ? [...v.inflows] : undefined, outflows: v.outflows.length ? [...v.outflows] : undefined, non_negative: v.nonNegative || undefined };
    case 'flow': return { equation: numberOrText(v.equation), non_negative: v.nonNegative || undefined, lookup: v.gf && table(v.gf) };
    case 'aux': return { equation: numberOrText(v.equation), lookup: v.gf && table(v.gf) };
    case 'constant': return { value: v.value, uncertainty: v.uncertainty, leverage: v.leverage };
    case 'lookup': return table(v.table);
  }
}

const listOrOne = (files: readonly string[]) => (files.length === 0 ? undefined : files.length === 1 ? files[0] : [...files]);

export function writeNative(model: Model): string {
  const { sim } = model;
  const doc: Doc = {
    name: model.name,
    doc: model.doc,
    sim: { start: sim.start, stop: sim.stop, dt: sim.dt, saveper: sim.saveper, time_unit: sim.timeUnit, time_origin: sim.timeOrigin, method: sim.method, rtol: sim.rtol, atol: sim.atol, seed: sim.seed, hold_inputs: sim.holdInputs || undefined, varying: sim.varying },
  };
  const vars = model.variables;
  put(doc, 'stocks', section(vars, 'stock', elementBody));
  put(doc, 'flows', section(vars, 'flow', elementBody));
  put(doc, 'auxiliaries', section(vars, 'aux', elementBody));
  put(doc, 'constants', section(vars, 'constant', elementBody));
  put(doc, 'lookups', section(vars, 'lookup', elementBody));
  if (model.unitAliases && Object.keys(model.unitAliases).length) doc.unit_aliases = Object.fromEntries(Object.entries(model.unitAliases).map(([u, a]) => [u, [...a]]));
  if (model.trigger) doc.trigger = { start: model.trigger.start, end: model.trigger.end, doc: model.trigger.doc };
  if (model.metrics?.length) {
    const metrics: Doc = {};
    for (const m of model.metrics) put(metrics, m.name, { variable: m.variable, aggregate: m.aggregate, threshold: m.threshold, better: m.better, units: m.units, doc: m.doc });
    doc.metrics = metrics;
  }
  if (model.loops?.length) {
    const loops: Doc = {};
    for (const l of model.loops) put(loops, l.id, { name: l.name, polarity: l.polarity, variables: [...l.variables], doc: l.doc });
    doc.loops = loops;
  }
  if (model.reference) doc.reference = { events: listOrOne(model.reference.events), series: listOrOne(model.reference.series) };
  if (model.scenarios?.length) {
    doc.scenarios = model.scenarios.map((s) => ({ id: s.id, title: s.title, kind: s.kind, description: s.description, leverage: s.leverage, changes: s.changes.map(change) }));
  }
  const header = '# yaml-language-server: $schema=https://stockflow.dev/schema/stockflow-model.schema.json\n';
  return header + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
