/**
 * Reads a Vensim .mdl text into the internal Model: collects entries, builds subscript
 * ranges, expands every (subscripted) definition into scalar variables `base[e1,e2]`,
 * translates each equation into the native language, and finishes stocks and flows.
 */
import { dirname, basename, extname } from 'node:path';
import { dataAccess } from '../confine.js';
import { BUDGET_HINT, elementBudget, reserve } from '../../core/budget.js';
import type { ReadOptions } from '../read-options.js';
import { error, hasErrors, perVariable, warning, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { Model } from '../../model/types.js';
import type { Definition } from './ast.js';
import { collect } from './collect.js';
import { CONTROL_IDS, cleanUnits, integrationTolerances, simSpec } from './control.js';
import { buildInstance } from './define.js';
import { initialEvaluator } from './initial.js';
import { externalSubscript } from './external.js';
import { isControlName } from './resolve.js';
import { NATIVE_ONLY_NAMES } from '../../builtins/functions.js';
import { scalarName, type Built, type Instance, type ModelIndex, type Scope, type VarInfo } from './scope.js';
import { finishStocks } from './stocks.js';
import { equationsEnd } from './source.js';
import { autoStepNotes, mdlSettings } from './settings.js';
import { macroOutputs, outputVariables } from './macros.js';
import { withBuiltinMacros } from './builtin-macros.js';
import { vensimViewSectors, withSectors } from '../sectors.js';
import { buildDimensions } from './subscripts.js';

export interface ReadResult {
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
}

/**
 * One diagnostic per problem: the elements of an array repeat their definition's problems
 * (said once about the variable by perVariable), and so may the copies of a macro.
 */
function dedupe(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const key = `${d.code}|${d.line}|${d.column}|${d.message.replace(d.variable ?? '\u0000', '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function readMdl(text: string, file?: string, options: ReadOptions = {}): ReadResult {
  const all = readAll(text, file, options);
  return { ...all, diagnostics: dedupe(perVariable(all.diagnostics)) };
}

function readAll(text: string, file: string | undefined, options: ReadOptions): ReadResult {
  const diags: Diagnostic[] = [];
  const { dimensions, definitions, macros, doc, lines } = collect(text, file, diags);
  const settings = mdlSettings(text.slice(equationsEnd(text)));
  const outputs = new Map<string, VarInfo>();
  const built: Built[] = [];
  const names = new Set<string>();
  const index: ModelIndex = {
    dims: undefined as never, vars: new Map(), macros: withBuiltinMacros(macros), file, fileAliases: settings.aliases, macroOutputs: outputs, data: dataAccess(file ? dirname(file) : '.', options), options, budget: elementBudget(options.maxElements), diags,
    locate: (pos) => lines.locate(pos),
    initialValue: (e) => evaluate(e),
    constantValue: (e) => constant(e),
    vectors: new Map(),
    storageOrders: new Map(),
    addSynthetic: (b) => built.push(b),
    freshName: (base) => {
      let name = base;
      for (let n = 2; names.has(canonicalName(name)); n++) name = `${base} ${n}`;
      names.add(canonicalName(name));
      return name;
    },
  };
  const rootScope = (variable: string): Scope => ({ index, bindings: new Map(), variable });
  (index as { dims: ModelIndex['dims'] }).dims = buildDimensions(dimensions, (item, range) => externalSubscript(item, rootScope(range)), diags,
    (pos) => ({ file, ...lines.locate(pos) }));
  const control = new Map<string, Definition>();
  const vars = index.vars as Map<string, VarInfo>;
  for (const def of definitions) {
    const id = canonicalName(def.name);
    if ((CONTROL_IDS as readonly string[]).includes(id)) {
      control.set(id, def);
      continue;
    }
    if (isControlName(id)) {
      diags.push(error('reserved-name', `'${def.name}' is a Vensim control variable and cannot be defined`, { file, ...lines.locate(def.pos) }));
      continue;
    }
    let v = vars.get(id);
    if (!v) {
      const lookup = def.body.k === 'lookup' || def.body.k === 'lookupCall'
        || (def.body.k === 'expr' && def.body.expr.k === 'call' && /^get_(xls|direct)_lookups$/.test(canonicalName(def.body.expr.fn)));
      // `dt` is an ordinary name in Vensim but the native clock: such a variable keeps its
      // name with a suffix so that its equation and the clock stay apart.
      const name = NATIVE_ONLY_NAMES.has(id) ? `${def.name} (variable)` : def.name;
      v = { id, name, defs: [], subscripted: false, instances: new Map(), lookup };
      vars.set(id, v);
    }
    // Units may carry a range (`DegreesC [1,6,0.1]`): the model keeps the units alone.
    const units = cleanUnits(def.units);
    v.defs.push(units === def.units ? def : { ...def, units });
    if (def.subs.length) (v as { subscripted: boolean }).subscripted = true;
  }
  dropPlaceholders(vars, (pos, name) => diags.push(error('incomplete-equation',
    `'${name}' has no equation: A FUNCTION OF(…) is Vensim's placeholder that only lists a variable's causes`,
    { file, ...lines.locate(pos), variable: name, hint: 'write the equation of the variable in Vensim (or in the file) and read it again' })));
  const calls = macroOutputs(definitions, (id) => vars.has(id) || control.has(id), (pos, message) => diags.push(error('duplicate-definition', message, { file, ...lines.locate(pos) })));
  const counts = new Map<Definition, number>();
  for (const v of vars.values()) for (const def of v.defs) counts.set(def, expand(v, def, index));
  for (const [id, out] of outputVariables(calls, vars, index.dims)) {
    outputs.set(id, out);
    names.add(id);
    for (const inst of out.instances.values()) names.add(canonicalName(inst.name));
  }
  const controlValues = new Map<string, number>();
  const evaluate = initialEvaluator(index, (id) => controlValues.get(id));
  const constant = initialEvaluator(index, (id) => controlValues.get(id), evaluate);
  const spec = simSpec(control, index, controlValues, settings.method);
  // Vensim holds STEP, PULSE, RAMP (and PULSE TRAIN) over each TIME STEP under every method
  // (Vensim Help, "Runge-Kutta Integration"), also when --method picks the method.
  const sim = spec && { ...spec, ...integrationTolerances((id) => vars.get(id)?.defs[0], index), holdInputs: true };
  if (sim) diags.push(...autoStepNotes(settings, options.method, file));
  for (const v of vars.values()) for (const inst of v.instances.values()) names.add(canonicalName(inst.name));
  for (const v of vars.values()) {
    for (const inst of v.instances.values()) {
      const b = buildInstance(inst, counts.get(inst.def)!, { index, bindings: inst.bindings, variable: inst.name, lhs: inst.tuple });
      if (b) built.push(b);
    }
  }
  const { variables, sectors } = withSectors(finishStocks(built, index.freshName), vensimViewSectors(text.slice(equationsEnd(text))));
  if (!sim || hasErrors(diags)) return { diagnostics: diags };
  const name = file ? basename(file, extname(file)) : 'model';
  const unitAliases = Object.keys(settings.unitAliases).length ? { unitAliases: settings.unitAliases } : {};
  return { model: { name, doc, sim, variables, ...(sectors ? { sectors } : {}), ...unitAliases, file, format: 'vensim' }, diagnostics: diags };
}

/** Expands a definition's left-hand side into instances; returns how many it made. */
function expand(v: VarInfo, def: Definition, index: ModelIndex): number {
  const { dims } = index;
  const at = () => ({ file: index.file, ...index.locate(def.pos), variable: def.name });
  const slots: string[][] = [];
  for (const s of def.subs) {
    const els = dims.expand(canonicalName(s.name));
    if (!els) {
      index.diags.push(error('unknown-subscript', `'${s.name}' is neither a subscript range nor an element`, at()));
      return 0;
    }
    slots.push([...els]);
  }
  const count = slots.reduce((n, els) => n * els.length, 1);
  const over = reserve(index.budget, count, def.subs.length ? `${def.name}[${def.subs.map((s) => s.name).join(',')}]` : def.name);
  if (over) index.diags.push(error('expansion-budget', over, { ...at(), hint: BUDGET_HINT }));
  if (over || index.budget.exceeded) return 0;
  const excluded = def.except.map((t) => t.map((s) => new Set(dims.expand(canonicalName(s.name)) ?? [])));
  let tuples: string[][] = [[]];
  for (const els of slots) tuples = tuples.flatMap((t) => els.map((e) => [...t, e]));
  tuples = tuples.filter((t) => !excluded.some((ex) => ex.length === t.length && ex.every((set, i) => set.has(t[i]))));
  tuples.forEach((tuple, i) => {
    const key = tuple.join(',');
    if (v.instances.has(key)) {
      index.diags.push(warning('duplicate-definition', `${scalarName(v, tuple, dims)} is defined more than once; the first definition is used`, at()));
      return;
    }
    const bindings = new Map<string, string>();
    def.subs.forEach((s, p) => bindings.set(dims.isDimension(canonicalName(s.name)) ? canonicalName(s.name) : `#${p}`, tuple[p]));
    const inst: Instance = { tuple, def, bindings, index: i, name: scalarName(v, tuple, dims) };
    v.instances.set(key, inst);
  });
  return tuples.length;
}

/**
 * Vensim writes `x = A FUNCTION OF(y, z)` for a variable drawn with its causes but not yet
 * given an equation; such a model does not simulate. A placeholder beside a real definition
 * of the same variable says nothing and is dropped; a variable with only placeholders is
 * reported, and stands as 0 so that its uses raise no further reports.
 */
function dropPlaceholders(vars: Map<string, VarInfo>, report: (pos: number, name: string) => void): void {
  const isPlaceholder = (d: Definition) => d.body.k === 'expr' && d.body.expr.k === 'call' && canonicalName(d.body.expr.fn) === 'a_function_of';
  for (const v of vars.values()) {
    const real = v.defs.filter((d) => !isPlaceholder(d));
    if (real.length === v.defs.length) continue;
    if (real.length === 0) {
      report(v.defs[0].pos, v.name);
      v.defs.splice(0, v.defs.length, ...v.defs.map((d) => ({ ...d, body: { k: 'expr' as const, op: '=' as const, expr: { k: 'num' as const, value: 0, pos: d.pos } } })));
    } else v.defs.splice(0, v.defs.length, ...real);
  }
}
