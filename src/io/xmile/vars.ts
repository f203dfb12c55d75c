/**
 * Reads the `<variables>` of one `<model>` (XMILE 1.0 §4.1–§4.7) into raw declarations:
 * stocks, flows, auxiliaries, standalone graphical functions and module instances, with
 * their dimensions, per-element definitions (`<element subscript="…">`, §4.5.2),
 * non-negativity (§4.1.1, §4.1.2, defaults from `<behavior>` §4.2), conveyors, and the stockflow
 * vendor extension (uncertainty, leverage). Equations stay unparsed here.
 */
import { error, warning, type Diagnostic } from '../../core/diagnostics.js';
import { readConveyor, type ConveyorSpec } from './conveyor.js';
import { parseSubscriptAttr, tuples, type DimTable, type Dimension } from './dims.js';
import { displayName, xid } from './names.js';
import { ours, readExtension, type VarExtension } from './vendor.js';
import { attr, kid, kids, locOf, plainText, textOf, type SourceText, type XmlDoc, type XNode } from './xml.js';

export interface RawEqn { readonly src: SourceText; readonly node: XNode }
export interface RawElement { readonly tuple: readonly number[]; readonly eqn?: RawEqn; readonly initEqn?: RawEqn; readonly gf?: XNode; readonly node: XNode }
export interface RawLink { readonly name: string; readonly node: XNode }
export interface Connect { readonly to: string; readonly from: string; readonly node: XNode }

export interface RawVar {
  readonly kind: 'stock' | 'flow' | 'aux' | 'gf' | 'module';
  readonly node: XNode;
  readonly name: string;
  readonly id: string;
  readonly eqn?: RawEqn;
  /** `<init_eqn>`: the value at the start time, when the regular equation is not used (init.ts). */
  readonly initEqn?: RawEqn;
  readonly gf?: XNode;
  readonly dims: readonly Dimension[];
  readonly elements: readonly RawElement[];
  readonly inflows: readonly RawLink[];
  readonly outflows: readonly RawLink[];
  readonly nonNegative: boolean;
  readonly units?: string;
  readonly doc?: string;
  /** `<stockflow:part_of>`: the variable whose call made this one (Variable.partOf), as our writer keeps it. */
  readonly partOf?: string;
  readonly access?: string;
  readonly modelName?: string;
  readonly connects: readonly Connect[];
  readonly ext: VarExtension;
  /** A stock that is a conveyor (conveyor.ts). */
  readonly conveyor?: ConveyorSpec;
  /** A flow that is a conveyor's leakage flow (`<leak/>`, conveyor.ts). */
  readonly leak?: boolean;
  /** A leakage flow's zone, its `leak_start` and `leak_end` attributes (XMILE 1.0 §4.2.1), as written. */
  readonly leakZone?: { readonly start?: string; readonly end?: string };
  /** A leakage flow that leaks whole units only (`<leak_integers/>`). */
  readonly leakIntegers?: boolean;
  /** A flow's unit conversion multiplier (multiplier.ts). */
  readonly multiplier?: RawEqn;
}

export interface Behavior { readonly stock: boolean; readonly flow: boolean }

const KINDS = new Set(['stock', 'flow', 'aux', 'gf', 'module']);
const UNSUPPORTED: Readonly<Record<string, string>> = {
  queue: 'queues (XMILE §4.1.1.2) are not supported',
  overflow: 'queue overflows are not supported',
};
/**
 * What a variable may hold (§4.2–§4.7): what the reader uses, plus display-only properties
 * (range, scale, format, event posters, display) that do not change a simulation.
 */
const UNDERSTOOD = new Set([
  'eqn', 'init_eqn', 'doc', 'units', 'gf', 'dimensions', 'element', 'inflow', 'outflow', 'non_negative', 'conveyor', 'multiplier',
  'connect', 'connect2', 'xscale', 'yscale', 'xpts', 'ypts', 'range', 'scale', 'format', 'event_poster', 'display', 'leak', 'leak_integers',
]);
const IGNORED = new Set(['group', 'ai_information', 'isee', 'data', 'annotation', 'views', 'behavior', 'sim_specs', 'doc', 'display', 'interface']);

/** `<behavior>`: `<non_negative/>` for everything, or inside `<stock>` / `<flow>`. */
export function readBehavior(doc: XmlDoc, node: XNode | undefined, base: Behavior, diags: Diagnostic[]): Behavior {
  if (!node) return base;
  const all = flag(doc, kid(node, 'non_negative'), diags);
  const of = (k: 'stock' | 'flow') => flag(doc, kid(kid(node, k) ?? node, 'non_negative'), diags);
  const s = kid(node, 'stock') ? of('stock') : undefined;
  const f = kid(node, 'flow') ? of('flow') : undefined;
  return { stock: s ?? all ?? base.stock, flow: f ?? all ?? base.flow };
}

export function readVariables(doc: XmlDoc, model: XNode, dims: DimTable, behavior: Behavior, diags: Diagnostic[]): RawVar[] {
  const out: RawVar[] = [];
  // Files older than XMILE 1.0 (isee 10) put the variables directly in <model>.
  const vars = kid(model, 'variables') ?? model;
  for (const node of vars.children) {
    if (node.prefix !== '') continue;
    if (!KINDS.has(node.local)) {
      if (!IGNORED.has(node.local)) diags.push(warning('ignored-element', `<${node.tag}> is not understood and is ignored`, locOf(doc, node)));
      continue;
    }
    const v = readVar(doc, node, dims, behavior, diags);
    if (v) out.push(v);
  }
  return out;
}

function readVar(doc: XmlDoc, node: XNode, table: DimTable, behavior: Behavior, diags: Diagnostic[]): RawVar | undefined {
  const name = displayName(attr(node, 'name') ?? '');
  const where = locOf(doc, node);
  if (!name) {
    diags.push(error('missing-name', `a <${node.tag}> has no name`, where));
    return undefined;
  }
  for (const c of node.children) {
    if (c.prefix !== '') continue;
    const why = UNSUPPORTED[c.local];
    if (why) diags.push(error('unsupported-construct', why, { ...locOf(doc, c), variable: name }));
    else if (!UNDERSTOOD.has(c.local)) diags.push(warning('ignored-element', `<${c.tag}> in '${name}' is not understood and is ignored`, { ...locOf(doc, c), variable: name }));
  }
  const dims: Dimension[] = [];
  const dimsNode = kid(node, 'dimensions');
  for (const d of dimsNode ? kids(dimsNode, 'dim') : []) {
    const dim = table.get(xid(attr(d, 'name') ?? ''));
    if (dim) dims.push(dim);
    else diags.push(error('unknown-dimension', `dimension '${attr(d, 'name') ?? ''}' is not defined in <dimensions>`, { ...locOf(doc, d), variable: name }));
  }
  const elements: RawElement[] = [];
  for (const el of kids(node, 'element')) {
    const tuple = parseSubscriptAttr(attr(el, 'subscript') ?? '', dims);
    if (typeof tuple === 'string') { diags.push(error('invalid-element', tuple, { ...locOf(doc, el), variable: name })); continue; }
    elements.push({ tuple, eqn: eqnOf(doc, el), ...initOf(doc, el), gf: kid(el, 'gf'), node: el });
  }
  const many = kids(node, 'eqn');
  if (many.length > 1) {
    // Some writers give an arrayed variable one <eqn> per element, in row-major order.
    const all = tuples(dims);
    if (elements.length === 0 && many.length === all.length) {
      many.forEach((e, k) => elements.push({ tuple: all[k], eqn: { src: textOf(doc, e), node: e }, node: e }));
    } else {
      diags.push(error('invalid-equation', `'${name}' has ${many.length} <eqn> elements`, { ...where, variable: name, hint: 'give one <eqn>, or one per array element' }));
    }
  }
  const kind = node.local as RawVar['kind'];
  const nn = flag(doc, kid(node, 'non_negative'), diags);
  const links = (k: string) => kids(node, k).map((n) => ({ name: plainText(doc, n), node: n }));
  const connects = node.children
    .filter((c) => c.prefix === '' && (c.local === 'connect' || c.local === 'connect2'))
    .map((c) => ({ to: attr(c, 'to') ?? '', from: attr(c, 'from') ?? '', node: c, two: c.local === 'connect2' }));
  const primary = connects.filter((c) => !c.two);
  return {
    kind, node, name, id: xid(name), dims, elements,
    eqn: many.length > 1 ? undefined : eqnOf(doc, node),
    ...(kind === 'stock' ? stockInit(doc, node, name, diags) : initOf(doc, node)),
    gf: kind === 'gf' ? node : kid(node, 'gf'),
    inflows: links('inflow'), outflows: links('outflow'),
    nonNegative: nn ?? (kind === 'stock' ? behavior.stock : kind === 'flow' ? behavior.flow : false),
    units: plainText(doc, kid(node, 'units') ?? vendorKid(node, 'units')) || undefined,
    doc: plainText(doc, kid(node, 'doc') ?? vendorKid(node, 'doc')) || undefined,
    partOf: plainText(doc, ours(node, 'part_of')) || undefined,
    access: attr(node, 'access')?.trim().toLowerCase(),
    modelName: attr(node, 'model_name') ?? attr(node, 'isee:model_name') ?? attr(node, 'simlin:model_name'),
    connects: (primary.length ? primary : connects).map(({ to, from, node: n }) => ({ to, from, node: n })),
    ext: readExtension(doc, node, diags, name),
    ...conveyorOf(doc, node, kind, name, diags),
    ...(kind === 'flow' && kid(node, 'leak') ? { leak: true, leakZone: { start: attr(node, 'leak_start'), end: attr(node, 'leak_end') } } : {}),
    ...(kind === 'flow' && kid(node, 'leak_integers') ? { leakIntegers: true } : {}),
    ...(kind === 'flow' && kid(node, 'multiplier') ? { multiplier: eqnOf(doc, node, 'multiplier') } : {}),
  };
}

function conveyorOf(doc: XmlDoc, node: XNode, kind: RawVar['kind'], name: string, diags: Diagnostic[]): { conveyor?: ConveyorSpec } {
  const c = kind === 'stock' ? kid(node, 'conveyor') : undefined;
  const conveyor = c && readConveyor(doc, c, name, diags);
  return conveyor ? { conveyor } : {};
}

/** `<stockflow:units>` / `<stockflow:doc>`: where our writer keeps them in a standalone `<gf>`, which has no place for them in XMILE 1.0. */
function vendorKid(node: XNode, local: string): XNode | undefined {
  return node.local === 'gf' ? ours(node, local) : undefined;
}

function eqnOf(doc: XmlDoc, node: XNode, tag = 'eqn'): RawEqn | undefined {
  const e = kid(node, tag);
  return e ? { src: textOf(doc, e), node: e } : undefined;
}

/** A stock's `<eqn>` is its initial value already: an `<init_eqn>` beside it has no meaning (§4.1). */
function stockInit(doc: XmlDoc, node: XNode, name: string, diags: Diagnostic[]): object {
  const e = kid(node, 'init_eqn');
  if (e) diags.push(error('invalid-equation', `stock '${name}' has an <init_eqn>; a stock's <eqn> is its initial value`, { ...locOf(doc, e), variable: name, hint: 'remove the <init_eqn>, or put it in the <eqn>' }));
  return {};
}

function initOf(doc: XmlDoc, node: XNode): { initEqn?: RawEqn } {
  const e = eqnOf(doc, node, 'init_eqn');
  return e && e.src.text.trim() !== '' ? { initEqn: e } : {};
}

/** `<non_negative/>` or `<non_negative>true|false</non_negative>`; undefined if absent. */
function flag(doc: XmlDoc, node: XNode | undefined, diags: Diagnostic[]): boolean | undefined {
  if (!node) return undefined;
  const t = plainText(doc, node).toLowerCase();
  if (t === '' || t === 'true') return true;
  if (t === 'false') return false;
  diags.push(error('invalid-flag', `<non_negative> is '${t}'; write true, false or leave it empty`, locOf(doc, node)));
  return undefined;
}
