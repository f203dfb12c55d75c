/**
 * The control section: INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER become the
 * simulation spec (Vensim reference, "Control Parameters"). They may be equations of
 * constants (SAVEPER = TIME STEP). Vensim also allows TIME STEP, SAVEPER and FINAL TIME to
 * vary during a run: those become SimSpec.varying, re-evaluated before every step.
 */
import { error, warning } from '../../core/diagnostics.js';
import { references, type Expr } from '../../expr/ast.js';
import type { SimSpec } from '../../model/types.js';
import type { Definition, VExpr } from './ast.js';
import { fold } from './fold.js';
import { where, type ModelIndex } from './scope.js';
import { printExpr } from './print.js';
import { translate } from './translate.js';

export const CONTROL_IDS = ['initial_time', 'final_time', 'time_step', 'saveper'] as const;
const NATIVE: Readonly<Record<string, string>> = { initial_time: 'initial_time', final_time: 'final_time', time_step: 'dt', saveper: 'saveper' };

/** Units written before an optional range: `Month [0,?]` → `Month`. */
export function cleanUnits(u: string | undefined): string | undefined {
  const t = (u ?? '').replace(/\[.*$/, '').trim();
  return t === '' ? undefined : t;
}

export function simSpec(defs: ReadonlyMap<string, Definition>, index: ModelIndex, values: Map<string, number>, method = 'euler'): SimSpec | undefined {
  const exprs = new Map<string, Expr>();
  for (let pass = 0; pass < 4; pass++) {
    for (const id of CONTROL_IDS) {
      const def = defs.get(id);
      if (!def || values.has(NATIVE[id]) || def.body.k !== 'expr') continue;
      const sc = { index, bindings: new Map(), variable: def.name };
      const expr = pass === 0 ? translate(def.body.expr, sc) : translateQuiet(def.body.expr, index, def.name);
      if (!expr) continue;
      const v = id === 'initial_time' ? fold(expr, (r) => (r === 'time' ? 0 : undefined)) : index.initialValue(expr);
      if (v !== undefined && Number.isFinite(v)) {
        values.set(NATIVE[id], v);
        exprs.set(NATIVE[id], expr);
      }
    }
  }
  const missing = CONTROL_IDS.filter((id) => !values.has(NATIVE[id]) && id !== 'saveper');
  if (missing.length) {
    index.diags.push(error('missing-control', `the model does not give a constant ${missing.map((m) => m.toUpperCase().replace('_', ' ')).join(', ')}`, { file: index.file, hint: 'add e.g. TIME STEP = 1 ~ Month ~ |' }));
    return undefined;
  }
  const dynamic = dynamicControls(exprs);
  if (dynamic.has('initial_time')) {
    const def = defs.get('initial_time')!;
    index.diags.push(warning('dynamic-control', `${def.name} is an equation of time; only its value at the start counts`, where({ index, bindings: new Map(), variable: def.name }, def.pos)));
  }
  const dt = values.get('dt')!;
  const step = defs.get('time_step');
  const varying: { dt?: string; saveper?: string; stop?: string } = {};
  if (dynamic.has('dt')) varying.dt = printExpr(exprs.get('dt')!);
  if (dynamic.has('saveper')) varying.saveper = printExpr(exprs.get('saveper')!);
  if (dynamic.has('final_time')) varying.stop = printExpr(exprs.get('final_time')!);
  return {
    start: values.get('initial_time')!, stop: values.get('final_time')!, dt,
    saveper: values.get('saveper') ?? dt, method,
    timeUnit: cleanUnits(step?.units ?? defs.get('final_time')?.units),
    ...(Object.keys(varying).length ? { varying } : {}),
  };
}

/**
 * The control variables whose value may change during the run: those that read time or a
 * model variable, and those that read such a control (SAVEPER = TIME STEP when TIME STEP
 * varies). Vensim re-evaluates them every step; SimSpec.varying carries them.
 */
function dynamicControls(exprs: ReadonlyMap<string, Expr>): Set<string> {
  const dynamic = new Set([...exprs].filter(([, e]) => usesTime(e)).map(([id]) => id));
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, e] of exprs) {
      if (!dynamic.has(id) && [...references(e)].some((r) => dynamic.has(r))) { dynamic.add(id); grew = true; }
    }
  }
  return dynamic;
}

function translateQuiet(e: VExpr, index: ModelIndex, name: string): Expr | undefined {
  const diags = index.diags.length;
  const out = translate(e, { index, bindings: new Map(), variable: name });
  index.diags.length = diags;
  return out;
}

/** True when the value may change during a run: it reads time or a model variable. */
function usesTime(e: Expr): boolean {
  switch (e.kind) {
    case 'ref': return !['initial_time', 'final_time', 'dt', 'saveper'].includes(e.id);
    case 'call': return e.args.some(usesTime);
    case 'unary': return usesTime(e.arg);
    case 'binary': return usesTime(e.left) || usesTime(e.right);
    case 'if': return usesTime(e.cond) || usesTime(e.then) || usesTime(e.else);
    default: return false;
  }
}

/**
 * ABSOLUTE TOLERANCE and RELATIVE TOLERANCE: the integration error the Auto integration types
 * accept in every level. Vensim Help, "Special Model Variables": both default to 0.001, and
 * "the step size is decreased until for every Level, the error in its computation is less than
 * ABSOLUTE TOLERANCE or RELATIVE TOLERANCE * Base Level Value". They stay ordinary variables
 * of the model; their values at the start become sim.atol and sim.rtol.
 */
export function integrationTolerances(defOf: (id: string) => Definition | undefined, index: ModelIndex): Pick<SimSpec, 'atol' | 'rtol'> {
  const out: { atol?: number; rtol?: number } = {};
  for (const [id, key] of [['absolute_tolerance', 'atol'], ['relative_tolerance', 'rtol']] as const) {
    const def = defOf(id);
    if (!def || def.body.k !== 'expr') continue;
    const expr = def.subs.length ? undefined : translateQuiet(def.body.expr, index, def.name);
    const v = expr && index.initialValue(expr);
    if (v !== undefined && v > 0 && Number.isFinite(v)) out[key] = v;
    else index.diags.push(warning('bad-tolerance', `${def.name} is not one positive number at the start, so the Auto integration types use Vensim's default 0.001`, where({ index, bindings: new Map(), variable: def.name }, def.pos)));
  }
  return out;
}
