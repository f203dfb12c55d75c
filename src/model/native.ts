/**
 * Lowers a parsed native document (YAML or JSON, docs/model-format.md) into the internal
 * Model after schema validation. Pure: file reading and YAML parsing live in io/.
 */
import { error, lazyPosition, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName } from '../core/names.js';
import type {
  Change, Interpolation, LookupTable, Metric, Model, Origin, Scenario, SimSpec, UnitAliases, Variable,
} from './types.js';
import { annotate } from './annotations.js';
import { salvage } from './salvage.js';
import { schemaProblems, type PathOf } from './validate.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Lowered {
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
  /**
   * With schema errors: the valid rest of the model (salvage.ts), for a check that reports
   * every independent problem at once. Never run it.
   */
  readonly partial?: Model;
}

export function modelFromNative(doc: unknown, file?: string, locate: PathOf = () => ({})): Lowered {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { diagnostics: [error('schema', 'a model file must contain a mapping with sim, stocks, flows …', { file, hint: 'see docs/model-format.md' })] };
  }
  const schema = schemaProblems(doc, file, locate);
  if (schema.diagnostics.length) {
    const rest = salvage(doc as Doc, schema.paths);
    const partial = rest && schemaProblems(rest, file, locate).diagnostics.length === 0 ? modelFromNative(rest, file, locate).model : undefined;
    return { diagnostics: schema.diagnostics, ...(partial ? { partial } : {}) };
  }
  const d = doc as Doc;
  const origin = (section: string, name: string) => lazyPosition({ file }, () => locate([section, name]));
  const base = (section: string, name: string, e: Doc) => ({
    name, id: canonicalName(name), doc: e.doc, units: e.units, sector: e.sector, origin: origin(section, name),
    ...(e.part_of !== undefined ? { partOf: e.part_of } : {}),
  });
  const vars: Variable[] = [];
  for (const [name, e] of entries(d.stocks)) {
    vars.push({ ...base('stocks', name, e), kind: 'stock', initial: String(e.initial), inflows: e.inflows ?? [], outflows: e.outflows ?? [], nonNegative: e.non_negative });
  }
  for (const [name, e] of entries(d.flows)) {
    vars.push({ ...base('flows', name, e), kind: 'flow', equation: String(e.equation), nonNegative: e.non_negative, gf: e.lookup && table(e.lookup) });
  }
  for (const [name, e] of entries(d.auxiliaries)) {
    vars.push({ ...base('auxiliaries', name, e), kind: 'aux', equation: String(e.equation), gf: e.lookup && table(e.lookup) });
  }
  for (const [name, e] of entries(d.constants)) {
    vars.push({ ...base('constants', name, e), kind: 'constant', value: e.value, uncertainty: e.uncertainty && { distribution: 'uniform', ...e.uncertainty }, leverage: e.leverage });
  }
  for (const [name, e] of entries(d.lookups)) vars.push({ ...base('lookups', name, e), kind: 'lookup', table: table(e) });
  const sim: SimSpec = {
    start: d.sim.start, stop: d.sim.stop, dt: d.sim.dt, saveper: d.sim.saveper ?? d.sim.dt,
    timeUnit: d.sim.time_unit, timeOrigin: d.sim.time_origin, method: d.sim.method ?? 'euler', rtol: d.sim.rtol, atol: d.sim.atol, seed: d.sim.seed,
    ...(d.sim.hold_inputs ? { holdInputs: true } : {}),
    varying: d.sim.varying && {
      dt: d.sim.varying.dt === undefined ? undefined : String(d.sim.varying.dt),
      saveper: d.sim.varying.saveper === undefined ? undefined : String(d.sim.varying.saveper),
      stop: d.sim.varying.stop === undefined ? undefined : String(d.sim.varying.stop),
    },
  };
  const metrics: Metric[] = entries(d.metrics).map(([name, m]) => ({
    name, doc: m.doc, units: m.units, variable: m.variable, aggregate: m.aggregate, threshold: m.threshold, better: m.better,
  }));
  const at = (segments: string[]): Origin => lazyPosition({ file }, () => locate(segments));
  const scenarios: Scenario[] = (d.scenarios ?? []).map((s: Doc, i: number) => ({
    id: s.id, title: s.title, ...(s.kind ? { kind: s.kind } : {}), description: s.description, leverage: s.leverage,
    changes: (s.changes as Doc[]).flatMap((c, j) => change(c, at(['scenarios', String(i), 'changes', String(j)]))),
  }));
  const { diagnostics: problems, ...notes } = annotate(d, vars, sim, file, locate);
  if (problems.length) return { diagnostics: problems };
  const unitAliases = d.unit_aliases ? { unitAliases: d.unit_aliases as UnitAliases } : {};
  return { model: { name: d.name ?? file ?? 'model', doc: d.doc, sim, ...notes, ...unitAliases, metrics, scenarios, ...(d.trigger ? { trigger: { start: d.trigger.start, end: d.trigger.end, doc: d.trigger.doc } } : {}), file, format: 'native' }, diagnostics: [] };
}

function entries(section: unknown): [string, Doc][] {
  return section && typeof section === 'object' ? Object.entries(section as Doc) : [];
}

export function table(e: Doc): LookupTable {
  return { points: e.points.map((p: number[]) => [p[0], p[1]] as const), interpolation: (e.interpolation ?? 'continuous') as Interpolation };
}

function change(c: Doc, origin?: Origin): Change[] {
  const o = origin ? { origin } : {};
  if (c.set) return Object.entries(c.set as Record<string, number>).map(([variable, value]) => ({ kind: 'set', variable, value, ...o }));
  if (c.replace) return [{ kind: 'equation', variable: c.replace.variable, equation: String(c.replace.equation), ...o }];
  if (c.lookup) return [{ kind: 'lookup', variable: c.lookup.variable, table: table(c.lookup), ...o }];
  if (c.remove) return [{ kind: 'remove', variable: c.remove, ...o }];
  if (c.disconnect) return [{ kind: 'disconnect', stock: c.disconnect.stock, flow: c.disconnect.flow, ...o }];
  if (c.connect) {
    const flow = c.connect.inflow ?? c.connect.outflow;
    return [{ kind: 'connect', stock: c.connect.stock, flow, direction: c.connect.inflow ? 'in' : 'out', ...o }];
  }
  return [{ kind: 'add', element: addedElement(c.add, origin), ...o }];
}

function addedElement(e: Doc, origin?: Origin): Variable {
  const common = { name: e.name, id: canonicalName(e.name), doc: e.doc, units: e.units, sector: e.sector, ...(origin ? { origin } : {}) };
  switch (e.kind) {
    case 'stock': return { ...common, kind: 'stock', initial: String(e.initial ?? 0), inflows: e.inflows ?? [], outflows: e.outflows ?? [], nonNegative: e.non_negative };
    case 'flow': return { ...common, kind: 'flow', equation: String(e.equation ?? 0), nonNegative: e.non_negative };
    case 'constant': return { ...common, kind: 'constant', value: Number(e.value ?? 0) };
    case 'lookup': return { ...common, kind: 'lookup', table: table(e) };
    default: return { ...common, kind: 'aux', equation: String(e.equation ?? 0) };
  }
}
