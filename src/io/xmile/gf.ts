/**
 * Graphical functions (XMILE 1.0 §3.1.4, §4.1.3): `<gf type="continuous|extrapolate|
 * discrete">` with `<ypts>` and either `<xpts>` or `<xscale min max>` (points evenly
 * spaced over the scale). Point lists are separated by `sep` (default comma). The
 * non-standard `discrete="true"` attribute of some writers is honoured too, and so is
 * stockflow's `stockflow:interpolation="forward"` (write.ts).
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import type { Interpolation, LookupTable } from '../../model/types.js';
import { attr, kid, locOf, plainText, type XmlDoc, type XNode } from './xml.js';

export function readGf(doc: XmlDoc, node: XNode, diags: Diagnostic[], variable?: string): LookupTable | undefined {
  const where = { ...locOf(doc, node), variable, field: 'gf' };
  const bad = (message: string, hint?: string): undefined => { diags.push(error('invalid-gf', message, { ...where, hint })); return undefined; };
  const type = (attr(node, 'type') ?? (attr(node, 'discrete')?.trim().toLowerCase() === 'true' ? 'discrete' : 'continuous')).trim().toLowerCase();
  if (type !== 'continuous' && type !== 'extrapolate' && type !== 'discrete') {
    return bad(`graphical function type '${type}' is not continuous, extrapolate or discrete`);
  }
  const yNode = kid(node, 'ypts');
  if (!yNode) return bad('a graphical function has no <ypts>');
  const ys = numbers(doc, yNode);
  if (typeof ys === 'string') return bad(`<ypts> ${ys}`);
  if (ys.length === 0) return bad('<ypts> is empty');
  let xs: number[];
  const xNode = kid(node, 'xpts');
  if (xNode) {
    const parsed = numbers(doc, xNode);
    if (typeof parsed === 'string') return bad(`<xpts> ${parsed}`);
    xs = parsed;
    if (xs.length !== ys.length) return bad(`<xpts> has ${xs.length} points but <ypts> has ${ys.length}`);
  } else {
    const scale = kid(node, 'xscale');
    const min = Number(scale && attr(scale, 'min'));
    const max = Number(scale && attr(scale, 'max'));
    if (!scale || !Number.isFinite(min) || !Number.isFinite(max)) return bad('a graphical function needs <xpts> or <xscale min=… max=…>');
    xs = ys.length === 1 ? [min] : ys.map((_, i) => min + ((max - min) * i) / (ys.length - 1));
  }
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i] > xs[i - 1])) return bad(`x values must increase, but ${xs[i]} follows ${xs[i - 1]}`, 'sort the points by x and remove duplicates');
  }
  const n = ys.length;
  if (type === 'discrete' && n > 1 && ys[n - 1] !== ys[n - 2]) {
    // §3.1.4: "The last two points of a discrete graphical function must have the same y value."
    diags.push(warning('discrete-gf-end', `the last two y values of a discrete graphical function differ (${ys[n - 2]}, ${ys[n - 1]}); ${ys[n - 1]} applies only from x = ${xs[n - 1]} on`,
      { ...where, hint: 'XMILE 1.0 §3.1.4 asks for equal last two y values: the last point only closes the last step' }));
  }
  // stockflow's own writer marks a `forward` table, which XMILE cannot express (write.ts gfType)
  const forward = attr(node, 'stockflow:interpolation')?.trim().toLowerCase() === 'forward';
  return { points: xs.map((x, i) => [x, ys[i]] as const), interpolation: forward ? 'forward' : type as Interpolation };
}

function numbers(doc: XmlDoc, node: XNode): number[] | string {
  const sep = attr(node, 'sep') || ',';
  const text = plainText(doc, node);
  if (!text) return [];
  const parts = text.split(sep).map((s) => s.trim());
  const out: number[] = [];
  for (const p of parts) {
    const v = Number(p);
    if (p === '' || !Number.isFinite(v)) return `has '${p}', which is not a number`;
    out.push(v);
  }
  return out;
}
