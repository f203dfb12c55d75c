/**
 * What a native model says about itself beyond its equations: sectors (a `sector` on a
 * variable or a `sectors:` section listing variables), named feedback loops (`loops:`),
 * reference data files (`reference:`) and the clock (`sim.time_origin`). Lowering checks
 * every name they mention against the model's variables.
 */
import { error, type Diagnostic } from '../core/diagnostics.js';
import { canonicalName } from '../core/names.js';
import { clockProblem } from './clock.js';
import type { DeclaredLoop, ReferenceFiles, SimSpec, Variable } from './types.js';
import type { PathOf } from './validate.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Annotated {
  readonly variables: Variable[];
  readonly sectors?: string[];
  readonly loops?: DeclaredLoop[];
  readonly reference?: ReferenceFiles;
  readonly diagnostics: Diagnostic[];
}

export function annotate(d: Doc, vars: readonly Variable[], sim: SimSpec, file: string | undefined, locate: PathOf): Annotated {
  const diagnostics: Diagnostic[] = [];
  const at = (segments: string[]) => ({ file, ...locate(segments) });
  const known = new Map(vars.map((v) => [v.id, v]));
  const problem = clockProblem(sim);
  if (problem) diagnostics.push(error('bad-time-origin', problem, { ...at(['sim', 'time_origin']), field: 'sim.time_origin', hint: 'write e.g. time_origin: 2020-11-25T00:00-08:00 with time_unit: hour' }));

  const listed = new Map<string, string>();
  for (const [sector, names] of Object.entries((d.sectors ?? {}) as Record<string, string[]>)) {
    names.forEach((name, i) => {
      const id = canonicalName(name);
      const where = () => ({ ...at(['sectors', sector, String(i)]), variable: name, field: `sectors.${sector}` });
      if (!known.has(id)) diagnostics.push(error('unknown-variable', `sector '${sector}' lists '${name}', which the model does not define`, { ...where(), hint: 'check the spelling, or remove it from the list' }));
      else if (listed.has(id) && listed.get(id) !== sector) diagnostics.push(error('duplicate-sector', `'${name}' is listed in sectors '${listed.get(id)}' and '${sector}'`, { ...where(), hint: 'a variable belongs to one sector' }));
      else listed.set(id, sector);
    });
  }
  const variables = vars.map((v) => {
    const fromList = listed.get(v.id);
    if (fromList && v.sector && v.sector !== fromList) {
      diagnostics.push(error('duplicate-sector', `'${v.name}' says sector '${v.sector}' but sectors lists it under '${fromList}'`, { file, ...v.origin, variable: v.name, hint: 'keep one of the two' }));
    }
    return fromList && !v.sector ? { ...v, sector: fromList } : v;
  });
  const order = [...Object.keys(d.sectors ?? {}), ...variables.map((v) => v.sector).filter((s): s is string => !!s)];
  const sectors = [...new Set(order)];

  const loops: DeclaredLoop[] = Object.entries((d.loops ?? {}) as Record<string, Doc>).map(([id, l]) => {
    (l.variables as string[]).forEach((name, i) => {
      if (!known.has(canonicalName(name))) {
        diagnostics.push(error('unknown-variable', `loop ${id} passes through '${name}', which the model does not define`, { ...at(['loops', id, 'variables', String(i)]), variable: name, field: `loops.${id}.variables`, hint: 'name variables as written in the model' }));
      }
    });
    return { id, name: l.name, polarity: l.polarity, variables: l.variables, doc: l.doc };
  });

  const files = (x: unknown): string[] => (x === undefined ? [] : Array.isArray(x) ? x.map(String) : [String(x)]);
  const reference = d.reference ? { events: files(d.reference.events), series: files(d.reference.series) } : undefined;
  return { variables, sectors: sectors.length ? sectors : undefined, loops: loops.length ? loops : undefined, reference, diagnostics };
}
