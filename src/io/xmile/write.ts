/**
 * Writes a Model as XMILE 1.0 text (OASIS XMILE 1.0 §2–§4). Structure: `<header>`,
 * `<sim_specs>` (§4.3; the save period, tolerances and exact method as stockflow vendor
 * attributes), `<dimensions>` for arrays regrouped by write-arrays.ts, then one root
 * `<model>` with stocks, flows, auxiliaries (constants are auxiliaries with a number),
 * and named lookups as standalone `<gf>` (§4.1.4, their units and doc in the stockflow
 * namespace: the schema's `<gf>` has no place for them). Docs and units are kept; uncertainty,
 * leverage, scenarios, metrics and the model doc go in the stockflow namespace (vendor.ts).
 * Reading the result back with readXmile gives the same simulation. An equation that is
 * not valid native text is a broken model: writeXmile throws a ModelError listing them all.
 */
import type { LookupTable, Model, UnitAliases, Variable } from '../../model/types.js';
import { planArrays, type ArrayGroup, type ArrayPlan } from './write-arrays.js';
import { sectorGroups } from './write-groups.js';
import { toXmileEquation, type EqnContext } from './write-eqn.js';
import { PREFIX, STOCKFLOW_NS } from './vendor.js';
import { formatNumber } from './print-native.js';
import { gf, gfType, points } from './write-gf.js';
import { varyingSpecNote, VendorCalls } from './write-notes.js';
import { canonicalName } from './names.js';
import { conveyorElement, conveyorFlow, leakMarks, planConveyors, usesConveyor, zoneAttrs, type ConveyorPlan } from './write-conveyor.js';
import { withArrayedConveyors } from './write-conveyor-arrays.js';
import { error, ModelError, type Diagnostic } from '../../core/diagnostics.js';

const XMILE_NS = 'http://docs.oasis-open.org/xmile/ns/XMILE/v1.0';
/**
 * Native integrators → the XMILE `method` list (§3.4.1: a method beyond euler, rk2 and rk4
 * SHOULD name a fallback, as in the standard's own `gear, rk4`). Readers take the first
 * method they support; ours reads rosenbrock back from `stockflow:method`.
 */
const METHODS: Readonly<Record<string, string>> = { euler: 'euler', rk2: 'rk2', rk4: 'rk4', rk45: 'rk45, rk4', rosenbrock: 'gear, rk4', 'rk4-auto': 'rk4', 'rk2-auto': 'rk2', 'rk2-midpoint': 'rk2' };
/** Methods XMILE cannot name: the exact one rides in `stockflow:method` (read back by simspecs.ts). */
const VENDOR_ONLY = new Set(['rosenbrock', 'rk4-auto', 'rk2-auto', 'rk2-midpoint']);

export function writeXmile(model: Model): string {
  return writeXmileWithNotes(model).text;
}

/** The XMILE text, and warnings about what other tools will not see in it (write-notes.ts). */
export function writeXmileWithNotes(model: Model): { text: string; notes: Diagnostic[] } {
  const plan = planArrays(model.variables);
  const problems: Diagnostic[] = [];
  const vendor = new VendorCalls();
  const xmileText = (native: string, names: ReadonlyMap<string, string>, variable: string) =>
    toXmileEquation(native, { names, saveper: model.sim.saveper, onVendorCall: (fn) => vendor.note(fn, variable) }).text;
  const conveyors = withArrayedConveyors(model, planConveyors(model, (v) => plan.groupOf.has(v)), plan, xmileText);
  const ctx: WriteContext = { names: plan.refs, saveper: model.sim.saveper, problems, file: model.file, vendor, conveyors };
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>', `<xmile version="1.0" xmlns="${XMILE_NS}" xmlns:${PREFIX}="${STOCKFLOW_NS}">`];
  out.push('  <header>', ...options(plan, conveyors), '    <vendor>stockflow</vendor>', '    <product version="0.1.0" lang="en">stockflow</product>', `    <name>${esc(model.name)}</name>`, '  </header>');
  out.push(...simSpecs(model), ...modelUnits(model.unitAliases));
  out.push(...extension(model));
  if (plan.dims.length) {
    out.push('  <dimensions>');
    for (const d of plan.dims) out.push(`    <dim name="${esc(d.name)}">`, ...d.elements.map((e) => `      <elem name="${esc(e)}"/>`), '    </dim>');
    out.push('  </dimensions>');
  }
  out.push('  <model>', '    <variables>');
  const done = new Set<ArrayGroup>();
  for (const v of model.variables) {
    const g = plan.groupOf.get(v);
    if (g) {
      if (!done.has(g)) { done.add(g); out.push(...arrayVar(g, ctx, plan)); }
    } else {
      out.push(...scalarVar(v, ctx, plan));
    }
  }
  for (const g of sectorGroups(model, plan)) out.push(`${I}<group name="${esc(g.sector)}">`, ...g.members.map((m) => `${I}  <entity name="${esc(m)}"/>`), `${I}</group>`);
  out.push('    </variables>', '  </model>', '</xmile>', '');
  if (problems.length) throw new ModelError(problems);
  return { text: out.join('\n'), notes: [...vendor.diagnostics(model.file), ...varyingSpecNote(model)] };
}

/**
 * `<options>` (§2.2.1: a file that uses arrays MUST say so). The prose names the attribute
 * `maximum_dimensions`, the OASIS schema `max_dimensions` (required); we follow the schema,
 * the one machine-checkable artefact, and readers detect arrays structurally anyway.
 */
function options(plan: ArrayPlan, conveyors: ConveyorPlan): string[] {
  const rank = Math.max(0, ...plan.groups.map((g) => g.dims.length));
  const uses = [...usesConveyor(conveyors, '      '), ...(rank ? [`      <uses_arrays max_dimensions="${rank}"/>`] : [])];
  if (!uses.length) return ['    <options namespace="std"/>'];
  return ['    <options namespace="std">', ...uses, '    </options>'];
}

function simSpecs(model: Model): string[] {
  const s = model.sim;
  const attrs = [`method="${METHODS[s.method] ?? esc(s.method)}"`];
  if (s.timeUnit) attrs.push(`time_units="${esc(s.timeUnit)}"`);
  if (s.saveper !== s.dt) attrs.push(`${PREFIX}:saveper="${formatNumber(s.saveper)}"`);
  if (VENDOR_ONLY.has(s.method)) attrs.push(`${PREFIX}:method="${s.method}"`);
  if (s.rtol !== undefined) attrs.push(`${PREFIX}:rtol="${formatNumber(s.rtol)}"`);
  if (s.atol !== undefined) attrs.push(`${PREFIX}:atol="${formatNumber(s.atol)}"`);
  if (s.seed !== undefined) attrs.push(`${PREFIX}:seed="${s.seed}"`);
  // Vensim's held test inputs (SimSpec.holdInputs) have no XMILE form either.
  if (s.holdInputs) attrs.push(`${PREFIX}:hold_inputs="true"`);
  // A sim spec that varies during the run has no XMILE form: its native equations ride along.
  for (const f of ['dt', 'saveper', 'stop'] as const) {
    const e = s.varying?.[f];
    if (e !== undefined) attrs.push(`${PREFIX}:varying_${f}="${esc(e)}"`);
  }
  return [`  <sim_specs ${attrs.join(' ')}>`, `    <start>${formatNumber(s.start)}</start>`, `    <stop>${formatNumber(s.stop)}</stop>`,
    `    <dt>${formatNumber(s.dt)}</dt>`, '  </sim_specs>'];
}

function extension(model: Model): string[] {
  if (!model.doc && !model.scenarios?.length && !model.metrics?.length) return [];
  const out = [`  <${PREFIX}:model>`];
  if (model.doc) out.push(`    <${PREFIX}:doc>${escText(model.doc)}</${PREFIX}:doc>`);
  if (model.scenarios?.length) out.push(`    <${PREFIX}:scenarios>${escText(JSON.stringify(model.scenarios))}</${PREFIX}:scenarios>`);
  if (model.metrics?.length) out.push(`    <${PREFIX}:metrics>${escText(JSON.stringify(model.metrics))}</${PREFIX}:metrics>`);
  out.push(`  </${PREFIX}:model>`);
  return out;
}

const I = '      ';

function scalarVar(v: Variable, ctx: WriteContext, plan: ArrayPlan): string[] {
  const name = esc(v.name);
  const tail = common(v);
  switch (v.kind) {
    case 'stock':
      return [`${I}<stock name="${name}">`, eqn(v.initial, ctx, v.name), ...links(v, plan), ...(v.nonNegative ? [`${I}  <non_negative/>`] : []),
        ...conveyorElement(ctx.conveyors.stocks.get(v.name), `${I}  `, (tag, text) => eqn(text, ctx, v.name, tag, `${I}    `)), ...tail, `${I}</stock>`];
    case 'flow':
      return conveyorFlow(ctx.conveyors, v.name, name, I, tail, (text) => eqn(text, ctx, v.name)) ??
        [`${I}<flow name="${name}">`, eqn(ctx.conveyors.requests.get(v.name) ?? v.equation, ctx, v.name), ...gf(v.gf, `${I}  `), ...(v.nonNegative ? [`${I}  <non_negative/>`] : []), ...tail, `${I}</flow>`];
    case 'aux':
      return [`${I}<aux name="${name}">`, eqn(v.equation, ctx, v.name), ...gf(v.gf, `${I}  `), ...tail, `${I}</aux>`];
    case 'constant':
      return [`${I}<aux name="${name}">`, `${I}  <eqn>${formatNumber(v.value).replace(/^inf$/, 'INF').replace(/^-inf$/, '-INF').replace(/^nan$/, 'NAN')}</eqn>`, ...tail, ...vendorVar(v), `${I}</aux>`];
    case 'lookup':
      // The schema's <gf> holds only the scales and points (an xs:all), so a named
      // lookup's units and doc go in the stockflow namespace.
      return [`${I}<gf name="${name}"${gfType(v.table)}>`, ...points(v.table, `${I}  `), ...vendorText(v), `${I}</gf>`];
    default: return [];
  }
}

function arrayVar(g: ArrayGroup, ctx: WriteContext, plan: ArrayPlan): string[] {
  const first = g.members[0].v;
  const { outflows, leaks, requests } = ctx.conveyors;
  // A conveyor's outflow has no equation (the conveyor drives it); a leakage flow's is its fraction.
  const leak = leaks.get(first.name);
  const out = [`${I}<${g.kind} name="${esc(g.base)}"${leak ? zoneAttrs(leak) : ''}>`, `${I}  <dimensions>`, ...g.dims.map((d) => `${I}    <dim name="${esc(d.name)}"/>`), `${I}  </dimensions>`];
  for (const { v, elems } of outflows.has(first.name) ? [] : g.members) {
    const text = v.kind === 'stock' ? v.initial : v.kind === 'constant' ? formatNumber(v.value) : v.kind === 'lookup' ? '0'
      : leaks.get(v.name)?.fraction ?? requests.get(v.name) ?? v.equation;
    out.push(`${I}  <element subscript="${esc(elems.join(', '))}">`, `  ${eqn(text, ctx, v.name)}`,
      ...((v.kind === 'flow' || v.kind === 'aux') && !leak ? gf(v.gf, `${I}    `) : []), `${I}  </element>`);
  }
  if (leak) out.push(...leakMarks(leak, I));
  if (first.kind === 'stock') {
    // Element-wise flows of arrays with the same dimensions: name the arrays (§4.5.1).
    out.push(...links(first, plan).map((l) => l.replace(/\[[^\]]*\]<\//, '</')));
    if (first.nonNegative) out.push(`${I}  <non_negative/>`);
    out.push(...conveyorElement(ctx.conveyors.arrays.get(g.base), `${I}  `, (tag, text) => `${I}    <${tag}>${esc(text)}</${tag}>`));
  }
  if (first.kind === 'flow' && first.nonNegative) out.push(`${I}  <non_negative/>`);
  out.push(...common(first), `${I}</${g.kind}>`);
  return out;
}

interface WriteContext extends EqnContext {
  readonly conveyors: ConveyorPlan;
  readonly problems: Diagnostic[];
  readonly file?: string;
  readonly vendor: VendorCalls;
}

/** An `<eqn>` (or other equation element) line; an equation that does not parse is collected as a diagnostic. */
function eqn(native: string, ctx: WriteContext, variable: string, tag = 'eqn', pad = `${I}  `): string {
  const r = toXmileEquation(native, { ...ctx, onVendorCall: (fn) => ctx.vendor.note(fn, variable) });
  if (r.text === undefined) {
    ctx.problems.push(error('unwritable-equation', `cannot write the equation as XMILE: ${r.error}`, { file: ctx.file, variable, hint: 'fix the equation (docs/equations.md)' }));
    return '';
  }
  return `${pad}<${tag}>${esc(r.text)}</${tag}>`;
}

function links(v: Extract<Variable, { kind: 'stock' }>, plan: ArrayPlan): string[] {
  const ref = (f: string) => esc(plan.refs.get(canonicalName(f)) ?? f);
  return [...v.inflows.map((f) => `${I}  <inflow>${ref(f)}</inflow>`), ...v.outflows.map((f) => `${I}  <outflow>${ref(f)}</outflow>`)];
}

function common(v: Variable): string[] {
  return [...(v.units ? [`${I}  <units>${esc(v.units)}</units>`] : []), ...(v.doc ? [`${I}  <doc>${esc(v.doc)}</doc>`] : []),
    ...(v.partOf !== undefined ? [`${I}  <${PREFIX}:part_of>${esc(v.partOf)}</${PREFIX}:part_of>`] : [])];
}

/** Units and doc where XMILE has no place for them (a standalone `<gf>`). */
function vendorText(v: Variable): string[] {
  return [...(v.units ? [`${I}  <${PREFIX}:units>${esc(v.units)}</${PREFIX}:units>`] : []), ...(v.doc ? [`${I}  <${PREFIX}:doc>${esc(v.doc)}</${PREFIX}:doc>`] : [])];
}

function vendorVar(v: Extract<Variable, { kind: 'constant' }>): string[] {
  const out: string[] = [];
  const u = v.uncertainty;
  if (u) {
    const extra = `${u.mode !== undefined ? ` mode="${formatNumber(u.mode)}"` : ''}${u.source ? ` source="${esc(u.source)}"` : ''}`;
    out.push(`${I}  <${PREFIX}:uncertainty min="${formatNumber(u.min)}" max="${formatNumber(u.max)}" distribution="${u.distribution}"${extra}/>`);
  }
  if (v.leverage) out.push(`${I}  <${PREFIX}:leverage level="${v.leverage.level}" reason="${esc(v.leverage.reason)}"/>`);
  return out;
}

/** Escapes element content (quotes may stay as they are). */
function escText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<model_units>` (§3.1.3) with each unit's aliases; nothing when the model declares none. */
function modelUnits(aliases: UnitAliases | undefined): string[] {
  const entries = Object.entries(aliases ?? {}).filter(([, a]) => a.length);
  if (!entries.length) return [];
  const unit = ([name, a]: [string, readonly string[]]) => [`    <unit name="${esc(name)}">`, ...a.map((x) => `      <alias>${esc(x)}</alias>`), '    </unit>'];
  return ['  <model_units>', ...entries.flatMap(unit), '  </model_units>'];
}

/** Escapes text for XML content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
