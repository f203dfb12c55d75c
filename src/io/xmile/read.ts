/**
 * Reads an XMILE 1.0 file (.xmile, .stmx, .itmx) into the internal Model.
 * Stages: XML (xml.ts) → header, sim specs, dimensions, macros, behavior → the variables
 * of each `<model>` (vars.ts) → modules flattened (instance.ts) → equations parsed and
 * translated into the native language, arrays expanded (emit.ts). Every problem becomes a
 * located diagnostic; when any is an error no model is returned (never a wrong model).
 */
import { basename, extname } from 'node:path';
import { error, hasErrors, perVariable, type Diagnostic } from '../../core/diagnostics.js';
import { canonicalName } from '../../core/names.js';
import type { Model, Variable } from '../../model/types.js';
import { elementBudget } from '../../core/budget.js';
import type { ReadOptions } from '../read-options.js';
import { readDimensions } from './dims.js';
import { emitVariables } from './emit.js';
import { Equations } from './equations.js';
import { flatten, type ModelDef } from './instance.js';
import { markInitial } from './init.js';
import { readMacros } from './macros.js';
import { displayName, xid } from './names.js';
import { foldControls, gfContainers, lookupTables, markLookups, promoteFlows } from './prepare.js';
import { readSimSpecs } from './simspecs.js';
import { readModelUnits } from './model-units.js';
import { readBehavior, readVariables } from './vars.js';
import { readModelExtension } from './vendor.js';
import { attr, kid, kids, locOf, parseXml, plainText, type XNode } from './xml.js';
import { withSectors } from '../sectors.js';

export interface ReadResult {
  readonly model?: Model;
  readonly diagnostics: Diagnostic[];
}

export function readXmile(text: string, file?: string, options: ReadOptions = {}): ReadResult {
  const read = readDocument(text, file, options);
  return { ...read, diagnostics: perVariable(read.diagnostics) };
}

function readDocument(text: string, file: string | undefined, options: ReadOptions): ReadResult {
  const diags: Diagnostic[] = [];
  if (typeof text !== 'string' || text.trim() === '') {
    return { diagnostics: [error('empty-file', 'the file is empty', { file, hint: 'an XMILE file starts with <xmile …>' })] };
  }
  const parsed = parseXml(text.replace(/^\uFEFF/, ''), file);
  if (!parsed.doc) return { diagnostics: parsed.diagnostics };
  const doc = parsed.doc;
  if (doc.root.local !== 'xmile') {
    return { diagnostics: [error('not-xmile', `the root element is <${doc.root.tag}>, not <xmile>`, { ...locOf(doc, doc.root), hint: 'is this an XMILE file?' })] };
  }
  const header = kid(doc.root, 'header');
  const sim = readSimSpecs(doc, kid(doc.root, 'sim_specs') ?? kid(kid(doc.root, 'model') ?? doc.root, 'sim_specs'), diags, options.method);
  const dims = readDimensions(doc, kid(doc.root, 'dimensions'), diags);
  const behavior = readBehavior(doc, kid(doc.root, 'behavior'), { stock: false, flow: false }, diags);
  const macros = readMacros(doc, dims, behavior, diags);

  const modelNodes = kids(doc.root, 'model');
  if (modelNodes.length === 0) {
    diags.push(error('missing-model', 'the file has no <model>', locOf(doc, doc.root)));
    return { diagnostics: diags };
  }
  const models = new Map<string, ModelDef>();
  let rootId: string | undefined;
  for (const m of modelNodes) {
    const name = displayName(attr(m, 'name') ?? '');
    const id = xid(name);
    if (models.has(id)) { diags.push(error('duplicate-model', `model '${name || '(root)'}' is defined twice`, locOf(doc, m))); continue; }
    const vars = readVariables(doc, m, dims, readBehavior(doc, kid(m, 'behavior'), behavior, diags), diags);
    models.set(id, { name, vars });
    if (!name && rootId === undefined) rootId = id;
  }
  rootId ??= xid(displayName(attr(modelNodes[0], 'name') ?? ''));

  const budget = elementBudget(options.maxElements);
  const flat = flatten(doc, models, rootId, diags, budget);
  const eqns = new Equations(doc, dims, macros, diags, budget);
  markLookups(flat, eqns);
  lookupTables(flat);
  markInitial(flat, eqns);
  gfContainers(doc, flat);
  promoteFlows(doc, flat, diags);
  if (!sim) return { diagnostics: diags };
  const folded = foldControls(doc, flat, eqns, sim, diags);
  const grouped = withSectors(emitVariables(doc, flat, eqns, diags, folded.skip), groupSectors(modelNodes.find((m) => xid(displayName(attr(m, 'name') ?? '')) === rootId)));
  const { variables } = grouped;
  checkUnique(variables, diags);
  const ext = readModelExtension(doc, diags);
  const unitAliases = readModelUnits(doc);
  diags.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (hasErrors(diags)) return { diagnostics: diags };
  const name = plainText(doc, kid(header ?? doc.root, 'name')) || (file ? basename(file, extname(file)) : 'model');
  const model: Model = {
    name, sim: folded.sim, variables, format: 'xmile',
    ...(file ? { file } : {}),
    ...(ext.doc ? { doc: ext.doc } : {}),
    ...(ext.scenarios ? { scenarios: ext.scenarios } : {}),
    ...(ext.metrics ? { metrics: ext.metrics } : {}),
    ...(grouped.sectors ? { sectors: grouped.sectors } : {}),
    ...(unitAliases ? { unitAliases } : {}),
  };
  return { model, diagnostics: diags };
}

/** XMILE 1.0 §4.8: `<group name="…">` in `<variables>` lists its members as `<entity name="…"/>`. */
function groupSectors(model: XNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const vars = model && (kid(model, 'variables') ?? model);
  for (const g of vars ? kids(vars, 'group') : []) {
    const sector = displayName(attr(g, 'name') ?? '');
    if (!sector) continue;
    for (const e of kids(g, 'entity')) {
      const id = canonicalName(displayName(attr(e, 'name') ?? ''));
      if (id && !out.has(id)) out.set(id, sector);
    }
  }
  return out;
}

/** Two elements whose names differ only in case, spaces or underscores are one name. */
function checkUnique(vars: readonly Variable[], diags: Diagnostic[]): void {
  const seen = new Map<string, Variable>();
  for (const v of vars) {
    const id = canonicalName(v.name);
    const prev = seen.get(id);
    if (prev) {
      diags.push(error('duplicate-variable', `'${v.name}' and '${prev.name}' are the same name (XMILE names ignore case, spaces and underscores)`, {
        ...(v.origin ?? {}), variable: v.name, hint: 'rename one of them',
      }));
    }
    seen.set(id, v);
  }
}
