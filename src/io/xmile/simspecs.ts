/**
 * `<sim_specs>` (XMILE 1.0 §4.3): `<start>`, `<stop>`, `<dt>` (with `reciprocal="true"`
 * meaning the value is 1/dt), `method` (a comma-separated preference list; euler is the
 * default, §3.1.5) and `time_units`. The save period comes from `stockflow:saveper` (our
 * writer) or `isee:save_interval` (an attribute from Stella, a child element from xmutil); `stockflow:method`, `stockflow:rtol` and
 * `stockflow:atol` carry what XMILE cannot say (vendor.ts), and so do `stockflow:seed` and
 * `stockflow:varying_dt|saveper|stop` (a sim spec that changes during the run), and
 * `stockflow:hold_inputs` (test inputs held over each dt, as in Vensim; SimSpec.holdInputs).
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { SimSpec, VaryingSimSpec } from '../../model/types.js';
import { attr, kid, locOf, plainText, type XmlDoc, type XNode } from './xml.js';

/**
 * XMILE method names (§3.1.5) → native integrators. Gear is stiff: rosenbrock is ours. XMILE
 * has no name for Vensim's RK4/RK2 Auto (fixed-order Runge–Kutta with step control): our
 * writer says `rk4`/`rk2` and keeps the exact method in `stockflow:method`.
 */
const METHODS: Readonly<Record<string, string>> = {
  euler: 'euler', rk2: 'rk2', rk4: 'rk4', rk45: 'rk45', gear: 'rosenbrock',
  rosenbrock: 'rosenbrock',
};
/** Methods only `stockflow:method` names. */
const VENDOR_METHODS: Readonly<Record<string, string>> = { ...METHODS, 'rk4-auto': 'rk4-auto', 'rk2-auto': 'rk2-auto', 'rk2-midpoint': 'rk2-midpoint' };

/** `override`: the method the caller runs with instead (a --method); the file's own is then not warned about. */
export function readSimSpecs(doc: XmlDoc, node: XNode | undefined, diags: Diagnostic[], override?: string): SimSpec | undefined {
  if (!node) {
    diags.push(error('missing-sim-specs', 'the file has no <sim_specs>', { ...locOf(doc, doc.root), hint: 'add <sim_specs> with <start>, <stop> and <dt>' }));
    return undefined;
  }
  const where = locOf(doc, node);
  const value = (name: string, fallback?: number): number | undefined => {
    const el = kid(node, name);
    const text = plainText(doc, el);
    if (!el || text === '') {
      if (fallback !== undefined) return fallback;
      diags.push(error('invalid-sim-specs', `<sim_specs> has no <${name}>`, where));
      return undefined;
    }
    const v = parseNumber(text);
    if (v === undefined) diags.push(error('invalid-sim-specs', `<${name}> is '${text}', not a number`, locOf(doc, el)));
    return v;
  };
  const start = value('start');
  const stop = value('stop');
  let dt = value('dt', 1);
  const dtNode = kid(node, 'dt');
  if (dt !== undefined && dtNode && attr(dtNode, 'reciprocal')?.trim().toLowerCase() === 'true') dt = 1 / dt;
  if (dt !== undefined && !(dt > 0 && Number.isFinite(dt))) {
    diags.push(error('invalid-sim-specs', `the time step must be positive, not ${dt}`, dtNode ? locOf(doc, dtNode) : where));
    dt = undefined;
  }
  if (start !== undefined && stop !== undefined && stop < start) {
    diags.push(error('invalid-sim-specs', `the stop time ${stop} is before the start time ${start}`, where));
  }
  const exact = attr(node, 'stockflow:method')?.trim().toLowerCase();
  const method = exact && Object.hasOwn(VENDOR_METHODS, exact) ? VENDOR_METHODS[exact] : chooseMethod(attr(node, 'method'), override === undefined ? diags : [], where);
  const vendorNumber = (...names: string[]) => {
    for (const n of names) { const t = attr(node, n); if (t !== undefined) return parseNumber(t); }
    return undefined;
  };
  // Stella writes isee:save_interval as an attribute; xmutil (Vensim's SAVEPER) as a child element.
  const saveEl = node.children.find((c) => c.prefix === 'isee' && c.local === 'save_interval');
  const save = vendorNumber('stockflow:saveper', 'isee:save_interval') ?? (saveEl ? parseNumber(plainText(doc, saveEl)) : undefined);
  const rtol = vendorNumber('stockflow:rtol');
  const atol = vendorNumber('stockflow:atol');
  const seed = vendorNumber('stockflow:seed');
  if (start === undefined || stop === undefined || dt === undefined) return undefined;
  const timeUnit = (attr(node, 'time_units') ?? plainText(doc, kid(node, 'time_units')))?.trim();
  const varying = readVarying(node);
  return {
    start, stop, dt, saveper: save !== undefined && save > 0 ? save : dt, method,
    ...(timeUnit ? { timeUnit } : {}), ...(rtol !== undefined ? { rtol } : {}), ...(atol !== undefined ? { atol } : {}),
    ...(seed !== undefined && Number.isInteger(seed) && seed >= 0 ? { seed } : {}), ...(varying ? { varying } : {}),
    ...(attr(node, 'stockflow:hold_inputs')?.trim().toLowerCase() === 'true' ? { holdInputs: true } : {}),
  };
}

/** `stockflow:varying_dt|saveper|stop`: native equations of a sim spec that changes during the run. */
function readVarying(node: XNode): VaryingSimSpec | undefined {
  const varying: { dt?: string; saveper?: string; stop?: string } = {};
  for (const f of ['dt', 'saveper', 'stop'] as const) {
    const e = attr(node, `stockflow:varying_${f}`);
    if (e !== undefined && e.trim()) varying[f] = e;
  }
  return Object.keys(varying).length ? varying : undefined;
}

function chooseMethod(text: string | undefined, diags: Diagnostic[], where: Partial<Diagnostic>): string {
  if (!text || !text.trim()) return 'euler';
  const wanted = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  // Own keys only: the names are untrusted ('constructor', '__proto__' are not methods).
  for (const w of wanted) if (Object.hasOwn(METHODS, w)) return METHODS[w];
  diags.push(warning('unknown-method', `integration method '${text}' is not supported; using euler`, {
    ...where, field: 'method', hint: 'use euler, rk2, rk4, rk45 or gear',
  }));
  return 'euler';
}

/** A number, also written as a simple fraction `1/4` (some writers use it for dt). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  const v = Number(t);
  if (t !== '' && Number.isFinite(v)) return v;
  const m = /^([0-9.eE+-]+)\s*\/\s*([0-9.eE+-]+)$/.exec(t);
  if (m) {
    const q = Number(m[1]) / Number(m[2]);
    if (Number.isFinite(q)) return q;
  }
  return undefined;
}
