/**
 * Shape checks for the plain data of a queue job (what JSON.parse cannot promise): each
 * returns a sentence saying what is wrong, or undefined. The model text itself is checked by
 * the model reader, not here.
 */
const MAX_PARAMS = 10_000;

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const numbers = (v: unknown): boolean => Array.isArray(v) && v.every(isNumber);
export const optional = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || ok(v);

export function checkSpecShape(spec: unknown): string | undefined {
  if (!isObject(spec)) return 'no model function';
  if (typeof spec.model !== 'string' || !spec.model.trim()) return 'no model text';
  if (!optional(spec.file, (f) => typeof f === 'string' && f.length < 1024)) return 'a bad file name';
  if (!Array.isArray(spec.params) || spec.params.length > MAX_PARAMS || !spec.params.every((p) => typeof p === 'string')) return 'bad parameter names';
  if (!optional(spec.simulate, checkSimulate)) return 'bad simulation options';
  return checkOutput(spec.output);
}

export function checkSimulate(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const [key, value] of Object.entries(v)) {
    if (key === 'method') { if (typeof value !== 'string') return false; } else if (key === 'allowNonFinite') { if (typeof value !== 'boolean') return false; } else if (key === 'overrides') {
      if (!isObject(value) || !Object.values(value).every(isNumber)) return false;
    } else if (['start', 'stop', 'dt', 'saveper', 'rtol', 'atol', 'seed'].includes(key)) { if (!isNumber(value)) return false; } else return false;
  }
  return true;
}

function checkOutput(output: unknown): string | undefined {
  if (!isObject(output)) return 'no output';
  if (output.kind === 'metric') {
    return typeof output.variable === 'string' && typeof output.aggregate === 'string' && optional(output.threshold, isNumber) ? undefined : 'a bad metric';
  }
  if ((output.kind !== 'fit' && output.kind !== 'likelihood') || !Array.isArray(output.targets) || !optional(output.file, (f) => typeof f === 'string')) return 'a bad output';
  for (const t of output.targets as unknown[]) {
    if (!isObject(t) || typeof t.variable !== 'string' || !isNumber(t.weight)) return 'a bad fit target';
    if (t.kind === 'series' && numbers(t.time) && numbers(t.values) && (t.time as number[]).length === (t.values as number[]).length) continue;
    if (t.kind === 'event' && typeof t.name === 'string' && typeof t.aggregate === 'string' && isNumber(t.time) && optional(t.threshold, isNumber)) continue;
    return 'a bad fit target';
  }
  return undefined;
}

export function checkTaskShape(task: unknown, k: number): string | undefined {
  if (!isObject(task)) return 'no task';
  if (task.kind === 'evaluate') {
    return task.rows instanceof Float64Array && task.k === k && (k === 0 ? task.rows.length === 0 : task.rows.length % k === 0) ? undefined : 'a bad batch of parameter rows';
  }
  if (task.kind !== 'minimize') return 'an unknown kind of task';
  if (!numbers(task.start) || (task.start as number[]).length !== k) return 'a bad start';
  if (!Array.isArray(task.bounds) || task.bounds.length !== k || !task.bounds.every((b) => isObject(b) && isNumber(b.lo) && isNumber(b.hi))) return 'bad bounds';
  const o = task.options;
  const okOptions = isObject(o) && Object.entries(o).every(([key, value]) => (key === 'step' ? isNumber(value) || numbers(value) : ['maxEvaluations', 'xatol', 'fatol', 'frtol'].includes(key) && (value === undefined || isNumber(value))));
  return okOptions ? undefined : 'bad minimisation options';
}
