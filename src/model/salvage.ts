/**
 * What is left of a native document with schema errors, so that `check` can report every
 * independent problem in one pass: unknown names and algebraic loops in the valid part
 * together with the schema errors. Each element with a schema error is replaced by a neutral
 * element of the same kind and name (equation 0, no flows), so references to it still
 * resolve and do not turn into "unknown variable" errors that are not there; a broken metric,
 * scenario or top-level field is left out; a broken sim spec becomes 0..1 with dt 1. Pure.
 */
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NEUTRAL: Record<string, Doc> = {
  stocks: { initial: 0 },
  flows: { equation: 0 },
  auxiliaries: { equation: 0 },
  constants: { value: 0 },
  lookups: { points: [[0, 0]] },
};

/** A copy of `doc` with every problem path neutralised; undefined when nothing can be salvaged. */
export function salvage(doc: Doc, paths: readonly (readonly string[])[]): Doc | undefined {
  const out: Doc = { ...doc };
  const dropScenarios = new Set<number>();
  for (const [section, name] of paths) {
    if (section === undefined) return undefined;
    if (section in NEUTRAL && name !== undefined && isObject(out[section])) {
      out[section] = { ...out[section], [name]: { ...NEUTRAL[section] } };
    } else if (section === 'metrics' && name !== undefined && isObject(out.metrics)) {
      const { [name]: _dropped, ...rest } = out.metrics;
      out.metrics = rest;
    } else if (section === 'scenarios' && name !== undefined && Array.isArray(out.scenarios)) {
      dropScenarios.add(Number(name));
    } else if (section === 'sim') {
      out.sim = { start: 0, stop: 1, dt: 1 };
    } else {
      delete out[section];
    }
  }
  if (dropScenarios.size) out.scenarios = (out.scenarios as Doc[]).filter((_, i) => !dropScenarios.has(i));
  if (!isObject(out.sim)) out.sim = { start: 0, stop: 1, dt: 1 };
  return out;
}

function isObject(x: unknown): x is Doc {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
